using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobDetails;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class JobTagRulesTests
{
    private static readonly Caller Alice = new("alice", [Role.User], AuthMethod.Session);
    private static readonly Caller Admin = new("root", [Role.Admin], AuthMethod.Session);
    private static readonly Caller Support = new("helpdesk", [Role.Support], AuthMethod.Session);

    private static readonly Tag[] All =
    [
        new() { Id = 1, Type = "bug", Name = "io", Scope = "global" },
        new() { Id = 2, Type = "note", Name = "mine", Scope = "alice" },
        new() { Id = 3, Type = "note", Name = "bobs", Scope = "bob" },
        new() { Id = 4, Type = "audit", Name = "x", Scope = "admin" },
        new() { Id = 5, Type = "a-note", Name = "first", Scope = "alice" },
    ];

    [Fact]
    public void WritableScopes_ByRole_OwnPrivateScopeFirst()
    {
        Assert.Equal(["alice"], JobTagRules.WritableScopes(Alice));
        Assert.Equal(["helpdesk", "global"], JobTagRules.WritableScopes(Support));
        Assert.Equal(["root", "global", "admin"], JobTagRules.WritableScopes(Admin));
    }

    [Fact]
    public void Addable_User_OnlyOwnPrivateTagsNotYetAttached_Sorted()
    {
        var addable = JobTagRules.Addable(Alice, All, [All[1]]);

        Assert.Equal([5L], addable.Select(t => t.Id));
    }

    [Fact]
    public void Addable_Admin_GlobalAndAdminAndOwn_NotOtherUsersPrivate()
    {
        Assert.Equal([4L, 1L], JobTagRules.Addable(Admin, All, []).Select(t => t.Id));
    }

    [Fact]
    public void CanRemove_FollowsWriteScope()
    {
        Assert.True(JobTagRules.CanRemove(Alice, All[1]));
        Assert.False(JobTagRules.CanRemove(Alice, All[0]));
        Assert.True(JobTagRules.CanRemove(Support, All[0]));
        Assert.False(JobTagRules.CanRemove(Support, All[3]));
        Assert.Equal("private", JobTagRules.ScopeLabel(Alice, "alice"));
        Assert.Equal("global", JobTagRules.ScopeLabel(Alice, "global"));
    }
}
