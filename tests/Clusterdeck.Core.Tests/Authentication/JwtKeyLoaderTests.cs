using Clusterdeck.Core.Authentication;

namespace Clusterdeck.Core.Tests.Authentication;

public sealed class JwtKeyLoaderTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), $"clusterdeck-jwt-{Guid.NewGuid():N}");

    private string KeyFile => Path.Combine(_dataDirectory, JwtKeyLoader.KeyFileName);

    public void Dispose()
    {
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    [Fact]
    public void Load_NothingConfigured_GeneratesPrivateFileAndReloadsItIdentically()
    {
        using var generated = JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out var firstSource);
        using var reloaded = JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out var secondSource);

        Assert.Equal(JwtKeySource.Generated, firstSource);
        Assert.Equal(JwtKeySource.File, secondSource);
        Assert.True(generated.CanSign);
        Assert.Equal(generated.PublicKeyBase64, reloaded.PublicKeyBase64);
        Assert.Equal(generated.PrivateKeyBase64, reloaded.PrivateKeyBase64);
        Assert.Equal(JwtKeyLoader.FormatAsEnvironment(generated), File.ReadAllText(KeyFile));
        Assert.Equal([KeyFile], Directory.GetFiles(_dataDirectory));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(KeyFile));
        }
    }

    [Fact]
    public void Load_EnvironmentSet_WinsOverExistingFile()
    {
        using (JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out _))
        {
        }

        using var environmentKeys = JwtKeyPair.Generate();
        var environment = EnvironmentWith(environmentKeys.PublicKeyBase64, environmentKeys.PrivateKeyBase64);

        using var loaded = JwtKeyLoader.Load(_dataDirectory, environment, out var source);

        Assert.Equal(JwtKeySource.Environment, source);
        Assert.Equal(environmentKeys.PublicKeyBase64, loaded.PublicKeyBase64);
        Assert.Equal(environmentKeys.PrivateKeyBase64, loaded.PrivateKeyBase64);
    }

    [Fact]
    public void Load_OnlyPublicKeyInEnvironment_ValidationOnlyAndNoFileWritten()
    {
        using var environmentKeys = JwtKeyPair.Generate();

        using var loaded = JwtKeyLoader.Load(_dataDirectory, EnvironmentWith(environmentKeys.PublicKeyBase64, null), out var source);

        Assert.Equal(JwtKeySource.Environment, source);
        Assert.False(loaded.CanSign);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Load_BadPublicKeyInEnvironment_ThrowsNamingVariable()
    {
        var exception = Assert.Throws<FormatException>(() => JwtKeyLoader.Load(_dataDirectory, EnvironmentWith("%%%", null), out _));

        Assert.Contains("JWT_PUBLIC_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadPrivateKeyInEnvironment_ThrowsNamingVariable()
    {
        using var environmentKeys = JwtKeyPair.Generate();

        var exception = Assert.Throws<FormatException>(
            () => JwtKeyLoader.Load(_dataDirectory, EnvironmentWith(environmentKeys.PublicKeyBase64, "AAAA"), out _));

        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PrivateKeyWithoutPublicKey_ThrowsNamingBoth()
    {
        using var environmentKeys = JwtKeyPair.Generate();

        var exception = Assert.Throws<FormatException>(
            () => JwtKeyLoader.Load(_dataDirectory, EnvironmentWith(null, environmentKeys.PrivateKeyBase64), out _));

        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
        Assert.Contains("JWT_PUBLIC_KEY", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(KeyFile));
    }

    [Fact]
    public void Load_FileWrittenByKeygenWithComment_ReadsIt()
    {
        using var keys = JwtKeyPair.Generate();
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(KeyFile, "# from clusterdeck keygen\r\n" + JwtKeyLoader.FormatAsEnvironment(keys).Replace("\n", "\r\n", StringComparison.Ordinal));

        using var loaded = JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out var source);

        Assert.Equal(JwtKeySource.File, source);
        Assert.Equal(keys.PrivateKeyBase64, loaded.PrivateKeyBase64);
    }

    [Fact]
    public void Load_FileWithBadKey_ThrowsNamingFileAndVariable()
    {
        using var keys = JwtKeyPair.Generate();
        using var otherKeys = JwtKeyPair.Generate();
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(KeyFile, $"JWT_PUBLIC_KEY={keys.PublicKeyBase64}\nJWT_PRIVATE_KEY={otherKeys.PrivateKeyBase64}\n");

        var exception = Assert.Throws<FormatException>(() => JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out _));

        Assert.Contains(KeyFile, exception.Message, StringComparison.Ordinal);
        Assert.Contains("JWT_PRIVATE_KEY", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FileWithUnknownLine_ThrowsWithoutEchoingIt()
    {
        Directory.CreateDirectory(_dataDirectory);
        File.WriteAllText(KeyFile, "SECRET_VALUE=hunter2\n");

        var exception = Assert.Throws<FormatException>(() => JwtKeyLoader.Load(_dataDirectory, NoEnvironment, out _));

        Assert.Contains("line 1", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatAsEnvironment_PairWithoutPrivateKey_ThrowsInvalidOperationException()
    {
        using var keys = JwtKeyPair.Generate();
        using var publicOnly = JwtKeyPair.FromBase64(keys.PublicKeyBase64, privateKeyBase64: null);

        Assert.Throws<InvalidOperationException>(() => JwtKeyLoader.FormatAsEnvironment(publicOnly));
    }

    private static string? NoEnvironment(string name) => null;

    private static Func<string, string?> EnvironmentWith(string? publicKey, string? privateKey) => name => name switch
    {
        "JWT_PUBLIC_KEY" => publicKey,
        "JWT_PRIVATE_KEY" => privateKey,
        _ => null,
    };
}
