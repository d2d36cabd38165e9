using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Tests.Jobs;

/// <summary>cc-backend's SecurityCheck, role by role.</summary>
public sealed class JobAccessTests
{
    private static Caller Caller(params string[] roles)
    {
        Assert.True(RoleNames.TryParseAll(roles, out var parsed, out _));
        return new Caller("sam", parsed, AuthMethod.Token);
    }

    [Theory]
    [InlineData(new[] { "api" }, "all")]
    [InlineData(new[] { "admin" }, "all")]
    [InlineData(new[] { "support" }, "all")]
    [InlineData(new[] { "admin", "api" }, "all")]
    [InlineData(new[] { "user", "support" }, "all")]
    [InlineData(new[] { "manager" }, "sam+p1,p2")]
    [InlineData(new[] { "manager", "user" }, "sam+p1,p2")]
    [InlineData(new[] { "user" }, "sam")]
    [InlineData(new[] { "user", "api" }, "sam")]
    public void VisibilityFor_Roles_MatchCcBackend(string[] roles, string expected)
    {
        var visibility = JobAccess.VisibilityFor(Caller(roles), ["p1", "p2"]);

        var described = visibility.IsUnrestricted ? "all"
            : visibility.Projects.Count == 0 ? visibility.User : $"{visibility.User}+{string.Join(',', visibility.Projects)}";
        Assert.Equal(expected, described);
    }

    [Fact]
    public void VisibilityFor_ManagerWithoutProjects_SeesOwnJobs()
    {
        var visibility = JobAccess.VisibilityFor(Caller("manager"), []);

        Assert.Equal(("sam", 0), (visibility.User, visibility.Projects.Count));
    }

    [Fact]
    public void VisibilityFor_NoRole_IsDenied()
    {
        var error = Assert.Throws<AccessDeniedException>(() => JobAccess.VisibilityFor(Caller(), []));
        Assert.Equal("user has no or unknown roles", error.Message);
    }

    [Theory]
    [InlineData("sam", "px", true)]
    [InlineData("other", "p1", true)]
    [InlineData("other", "px", false)]
    public void CanSee_ManagerVisibility_OwnOrProject(string user, string project, bool expected)
    {
        var visibility = JobAccess.VisibilityFor(Caller("manager"), ["p1"]);

        Assert.Equal(expected, JobAccess.CanSee(visibility, SampleJobs.Job(1, user: user) with { Project = project }));
    }
}
