using Clusterdeck.Cli;

namespace Clusterdeck.Tests.Cli;

public sealed class CcBackendFlagsTests
{
    [Theory]
    [InlineData(new[] { "-server" }, true)]
    [InlineData(new[] { "-config", "c.json", "-server" }, true)]
    [InlineData(new[] { "--migrate-db" }, true)]
    [InlineData(new[] { "-jwt=alice" }, true)]
    [InlineData(new[] { "-config", "c.json" }, true)]
    [InlineData(new[] { "--config", "c.json" }, false)]
    [InlineData(new[] { "serve", "--urls", "http://localhost:1" }, false)]
    [InlineData(new string[0], false)]
    public void Applies_DistinguishesCcBackendFlagsFromCommands(string[] args, bool expected) =>
        Assert.Equal(expected, CcBackendFlags.Applies(args));

    [Fact]
    public void Translate_UnitFileCall_ServesWithConfig() =>
        Assert.Equal([["serve", "--config", "/etc/cc/config.json"]], CcBackendFlags.Translate(["-config", "/etc/cc/config.json", "-server"]));

    [Fact]
    public void Translate_MigrateDb_MigratesAndStops() =>
        Assert.Equal([["db", "migrate"]], CcBackendFlags.Translate(["-migrate-db", "-server"]));

    [Fact]
    public void Translate_UserFlags_RunInCcBackendOrderBeforeServing()
    {
        var invocations = CcBackendFlags.Translate(["-server", "-jwt", "demo", "-del-user", "old1,old2", "-add-user", "demo:admin,api:demo"]);

        Assert.Equal(
            [
                ["user", "add", "demo", "--roles", "admin,api", "--password", "demo"],
                ["user", "delete", "old1"],
                ["user", "delete", "old2"],
                ["token", "demo"],
                ["serve"],
            ],
            invocations);
    }

    [Fact]
    public void Translate_ApiUserWithoutPassword_HasNoPasswordOption() =>
        Assert.Equal([["user", "add", "robot", "--roles", "api"]], CcBackendFlags.Translate(["-add-user=robot:api:"]));

    [Theory]
    [InlineData("-add-user", "nocolons")]
    [InlineData("-gops", null)]
    public void Translate_BadOrUnsupportedFlags_Throw(string flag, string? value) =>
        Assert.Throws<CommandLineException>(() => CcBackendFlags.Translate(value is null ? [flag] : [flag, value]));
}
