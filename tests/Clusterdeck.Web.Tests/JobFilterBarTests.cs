using Bunit;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Web.JobList;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Web.Tests;

public sealed class JobFilterBarTests : BunitContext
{
    public JobFilterBarTests() => Services.AddSingleton<IClusterCatalog>(TestClusters.Catalog());

    [Fact]
    public void Render_UrlWithFilters_FieldsShowTheView()
    {
        var url = JobListUrl.Parse("?cluster=tiny&user=ali*&state=running,failed&tag=2&start=2026-03-01..&duration=1h30m..2d&nodes=4&fp.load_one_avg=..0.5&sort=-duration&perPage=50").Url;

        var bar = Render<JobFilterBar>(p => p
            .Add(b => b.Url, url)
            .Add(b => b.BasePath, "/jobs")
            .Add(b => b.Tags, [new Tag { Id = 2, Type = "bug", Name = "slow-io" }, new Tag { Id = 3, Type = "ok", Name = "fine" }])
            .Add(b => b.FootprintKeys, ["load_one_avg", "mem_used_max"]));

        Assert.Equal("/jobs", bar.Find("form").GetAttribute("action"));
        Assert.Equal("-duration", bar.Find("input[name=sort]").GetAttribute("value"));
        Assert.Equal("tiny", bar.Find("select[name=cluster] option[selected]").GetAttribute("value"));
        Assert.Equal("ali*", bar.Find("input[name=user]").GetAttribute("value"));
        Assert.Equal(["running", "failed"], bar.FindAll("input[name=state][checked]").Select(e => e.GetAttribute("value")).Order().Reverse());
        Assert.Equal("2", bar.Find("input[name=tag][checked]").GetAttribute("value"));
        Assert.Equal("slow-io", bar.Find("[data-bs-toggle=dropdown].text-truncate").TextContent.Trim());
        Assert.Equal("2026-03-01", bar.Find("[data-range=start] [data-bound=min]").GetAttribute("value"));
        Assert.Null(bar.Find("[data-range=start] [data-bound=max]").GetAttribute("value"));
        Assert.Equal(("1h30m", "2d"), (bar.Find("[data-range=duration] [data-bound=min]").GetAttribute("value"), bar.Find("[data-range=duration] [data-bound=max]").GetAttribute("value")));
        Assert.Equal(("4", "4"), (bar.Find("[data-range=nodes] [data-bound=min]").GetAttribute("value"), bar.Find("[data-range=nodes] [data-bound=max]").GetAttribute("value")));
        Assert.Equal("50", bar.Find("select[name=perPage] option[selected]").TextContent);

        // One row for the footprint range in the URL, one empty row to add another.
        var footprints = bar.FindAll("[data-footprint-range]");
        Assert.Equal(2, footprints.Count);
        Assert.Equal("load_one_avg", footprints[0].QuerySelector("[data-range-name] option[selected]")!.GetAttribute("value"));
        Assert.Equal("0.5", footprints[0].QuerySelector("[data-bound=max]")!.GetAttribute("value"));
        Assert.Null(footprints[1].QuerySelector("[data-range-name] option[selected]"));
    }

    [Fact]
    public void Render_UserView_LeavesOutTheUserField()
    {
        var bar = Render<JobFilterBar>(p => p.Add(b => b.Url, JobListUrl.Default).Add(b => b.BasePath, "/users/alice").Add(b => b.HideUser, true));

        Assert.Empty(bar.FindAll("input[name=user]"));
        Assert.Single(bar.FindAll("input[name=project]"));
        Assert.Equal("/users/alice", bar.Find("form").GetAttribute("action"));
        Assert.Null(bar.Find("input[name=sort]").GetAttribute("value") is { Length: > 0 } sort ? sort : null);
    }
}
