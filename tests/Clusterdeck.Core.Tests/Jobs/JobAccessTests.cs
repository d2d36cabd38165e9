using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Core.Tests.Jobs;

public sealed class JobAccessTests
{
    [Theory]
    [InlineData(Role.Admin, "climate", true)]
    [InlineData(Role.Support, "climate", true)]
    [InlineData(Role.Manager, "climate", true)]
    [InlineData(Role.Manager, "physics", false)]
    [InlineData(Role.User, "climate", false)]
    public void CanViewProject_Role_AllJobsOrManagedProjectsOnly(Role role, string project, bool allowed)
    {
        var caller = new Caller("carol", [role], AuthMethod.Session);

        var visibility = JobAccess.VisibilityFor(caller, managedProjects: ["climate"]);

        Assert.Equal(allowed, JobAccess.CanViewProject(visibility, project));
    }
}
