using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Tests.Jobs;

public sealed class JobSanityTests
{
    private static readonly Job Valid = new()
    {
        JobId = 7,
        User = "alice",
        Cluster = "fritz",
        SubCluster = "main",
        NumNodes = 1,
        State = JobStates.Completed,
        StartTime = 1675954353,
        Duration = 10,
        Resources = [new JobResource { Hostname = "f0649" }],
    };

    [Fact]
    public void Check_ValidJob_Null() => Assert.Null(JobSanity.Check(Valid));

    [Theory]
    [InlineData("state")]
    [InlineData("user")]
    [InlineData("nodes")]
    [InlineData("resources")]
    [InlineData("acc")]
    [InlineData("start")]
    public void Check_BrokenField_NamesTheProblem(string broken)
    {
        var job = broken switch
        {
            "state" => Valid with { State = "out-of-memory" },
            "user" => Valid with { User = "" },
            "nodes" => Valid with { NumNodes = 0 },
            "resources" => Valid with { NumNodes = 2 },
            "acc" => Valid with { NumAcc = -1 },
            _ => Valid with { StartTime = 0 },
        };

        Assert.NotNull(JobSanity.Check(job));
    }
}
