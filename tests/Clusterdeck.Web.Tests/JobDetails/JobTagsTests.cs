using Bunit;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobDetails;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Web.Tests.JobDetails;

public sealed class JobTagsTests : BunitContext
{
    private const long JobDbId = 10;
    private readonly InMemoryJobStores _stores = new();

    public JobTagsTests()
    {
        _stores.AddJob(new Job { Id = JobDbId, JobId = 1, User = "alice", Cluster = "c" });
        Services.AddSingleton<ITagStore>(_stores);
        Services.AddSingleton<IJobStore>(_stores);
        Services.AddSingleton<IUserStore>(_stores);
        Services.AddSingleton<JobVisibilityResolver>();
        Services.AddSingleton<TagService>();
        Services.AddSingleton<JobQueryService>();
    }

    [Fact]
    public void User_SeesGlobalTag_CannotRemoveIt_CreatesOnlyPrivateTags()
    {
        var global = _stores.AddTag("bug", "io", TagScopes.Global);
        var own = _stores.AddTag("note", "mine", "alice");
        _stores.AddTag("note", "bobs", "bob");
        _stores.Attach(JobDbId, global.Id);
        var tags = RenderAs("alice", "user");

        var shown = tags.FindAll("[data-testid=tag]");
        Assert.Equal(["bug:io"], shown.Select(t => t.GetAttribute("data-tag")));
        Assert.Empty(shown[0].QuerySelectorAll("[data-testid=remove-tag]"));
        Assert.Equal(["alice"], tags.FindAll("[data-testid=new-tag-scope] option").Select(o => o.GetAttribute("value")));
        // Bob's private tag is not offered; alice's own is.
        Assert.Equal(["0", own.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], tags.FindAll("[data-testid=existing-tag] option").Select(o => o.GetAttribute("value")));
        Assert.Equal("true", tags.Find("[data-testid=job-tags]").GetAttribute("data-interactive"));
    }

    [Fact]
    public async Task Admin_CreatesAGlobalTag_AttachedAndRemovable()
    {
        var tags = RenderAs("root", "admin");
        Assert.Equal(["root", "global", "admin"], tags.FindAll("[data-testid=new-tag-scope] option").Select(o => o.GetAttribute("value")));

        tags.Find("[data-testid=new-tag-type]").Input("review");
        tags.Find("[data-testid=new-tag-name]").Input("slow");
        tags.Find("[data-testid=new-tag-scope]").Change("global");
        tags.Find("[data-testid=create-tag]").Click();

        var tag = tags.WaitForElement("[data-testid=tag][data-tag='review:slow']");
        Assert.NotNull(tag.QuerySelector("[data-testid=remove-tag]"));
        tags.Find("[data-testid=remove-tag]").Click();
        tags.WaitForAssertion(() => Assert.Empty(tags.FindAll("[data-testid=tag]")));
        Assert.Empty(tags.FindAll("[data-testid=tag-error]"));
        // Created in the scope chosen, not as root's private tag.
        Assert.NotNull(await _stores.FindAsync("review", "slow", TagScopes.Global, Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Prerendered_ControlsDisabledUntilInteractive()
    {
        var tags = RenderAs("alice", "user", interactive: false);

        Assert.True(tags.Find("[data-testid=new-tag-type]").HasAttribute("disabled"));
        Assert.Equal("false", tags.Find("[data-testid=job-tags]").GetAttribute("data-interactive"));
    }

    /// <summary>Registers the signed-in user first: bUnit takes no registrations once its renderer exists.</summary>
    private IRenderedComponent<JobTags> RenderAs(string username, string role, bool interactive = true)
    {
        AddAuthorization().SetAuthorized(username).SetRoles(role);
        SetRendererInfo(new RendererInfo(interactive ? "Server" : "Static", interactive));
        return Render<JobTags>(p => p.Add(t => t.DbId, JobDbId));
    }
}
