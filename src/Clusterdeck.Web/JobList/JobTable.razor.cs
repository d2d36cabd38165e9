using System.Globalization;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Clusters;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Clusterdeck.Web.Components;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Web.JobList;

/// <summary>
/// The rows of a job list. Prerendered with the page, so the first page arrives as plain HTML; once interactive, it re-reads
/// the running jobs on the page every few seconds (by database id, a cheap query) so their duration, state and footprint move
/// without a reload. Sorting and paging are links: the page is rendered anew for the new URL and this component gets the new
/// query string as a parameter.
/// </summary>
public sealed partial class JobTable
{
    private JobListUrl _url = JobListUrl.Default;
    private JobPage? _page;
    private string? _error;
    private bool _seesRestricted;
    private string? _loaded;
    private CancellationTokenSource? _stop;
    private IReadOnlyList<string>? _footprintKeys;

    [Inject] private JobQueryService Jobs { get; set; } = null!;
    [Inject] private IClusterCatalog Catalog { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ILogger<JobTable> Logger { get; set; } = null!;

    [CascadingParameter] private Task<AuthenticationState> Authentication { get; set; } = null!;

    /// <summary>The view's query string (<see cref="JobListUrl"/>), with or without the leading <c>?</c>.</summary>
    [Parameter, EditorRequired] public string Query { get; set; } = "";

    /// <summary>The page the list lives on (<c>/jobs</c>, <c>/users/alice</c>); sort and page links go there.</summary>
    [Parameter, EditorRequired] public string BasePath { get; set; } = "/jobs";

    /// <summary>Restricts the list to one user's jobs whatever the URL says (the user view).</summary>
    [Parameter] public string? FixedUser { get; set; }

    /// <summary>Restricts the list to one project's jobs whatever the URL says (the project view).</summary>
    [Parameter] public string? FixedProject { get; set; }

    /// <summary>How often running rows are re-read once the page is live.</summary>
    [Parameter] public int RefreshSeconds { get; set; } = 5;

    private string CountText => _page?.Count is { } count
        ? count == 1 ? "1 job" : string.Create(CultureInfo.InvariantCulture, $"{count:N0} jobs")
        : "";

    private int RunningOnPage => _page?.Items.Count(j => j.State == JobStates.Running) ?? 0;

    private int LastPage => JobListPaging.LastPage(_page?.Count ?? 0, _url.PerPage);

    private IReadOnlyList<string> SortableFootprintKeys => _footprintKeys ??= FootprintKeys.Visible(Catalog, _url.Cluster, _seesRestricted);

    protected override async Task OnParametersSetAsync()
    {
        var key = $"{BasePath}|{FixedUser}|{FixedProject}|{Query}";
        if (key == _loaded)
        {
            return;
        }

        _loaded = key;
        _footprintKeys = null;
        var parsed = JobListUrl.Parse(Query);
        _url = parsed.Url;
        if (!parsed.IsValid)
        {
            // The page shows what is wrong with the URL; the rows of a half-understood filter would mislead.
            _error = "The filter in this address is not valid: " + string.Join("; ", parsed.Errors);
            _page = null;
            return;
        }

        var caller = await Authentication.CallerAsync();
        _seesRestricted = AccessRules.SeesRestrictedMetrics(caller);
        try
        {
            _page = await Jobs.QueryAsync(caller, _url.ToJobQuery(FixedFilters()), CancellationToken.None);
            _error = null;
        }
        catch (DomainException e)
        {
            _page = null;
            _error = e.Message;
        }
    }

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender && RendererInfo.IsInteractive)
        {
            _stop = new CancellationTokenSource();
            _ = RefreshRunningAsync(_stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_stop is not null)
        {
            await _stop.CancelAsync();
            _stop.Dispose();
        }
    }

    private List<JobFilter> FixedFilters()
    {
        var filters = new List<JobFilter>(2);
        if (FixedUser is not null)
        {
            filters.Add(new JobFilter { User = StringInput.Equal(FixedUser) });
        }

        if (FixedProject is not null)
        {
            filters.Add(new JobFilter { Project = StringInput.Equal(FixedProject) });
        }

        return filters;
    }

    private async Task RefreshRunningAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, RefreshSeconds)), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await InvokeAsync(async () =>
                {
                    if (await ReloadRunningRowsAsync(cancellationToken))
                    {
                        StateHasChanged();
                    }
                });
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The rows stay as they were; the next navigation loads them afresh.
            LogRefreshFailed(Logger, e);
        }
    }

    /// <summary>
    /// Re-reads the page's running jobs and puts the fresh rows in place; a job that has ended keeps its place with its
    /// end state. False when the page has no running job, so there is nothing to render again.
    /// </summary>
    private async Task<bool> ReloadRunningRowsAsync(CancellationToken cancellationToken)
    {
        var running = _page?.Items.Where(j => j.State == JobStates.Running && j.Id is not null).Select(j => j.Id!.Value).ToList() ?? [];
        if (running.Count == 0)
        {
            return false;
        }

        var caller = await Authentication.CallerAsync();
        var fresh = await Jobs.QueryAsync(caller, new JobQuery { Filters = [new JobFilter { DbIds = running }], IncludeCount = false }, cancellationToken);
        var byId = fresh.Items.Where(j => j.Id is not null).ToDictionary(j => j.Id!.Value);
        _page = _page! with { Items = [.. _page.Items.Select(j => j.Id is { } id && byId.TryGetValue(id, out var now) ? now : j)] };
        return true;
    }

    private long DurationOf(Job job) =>
        job.State == JobStates.Running ? Math.Max(job.Duration, Time.GetUtcNow().ToUnixTimeSeconds() - job.StartTime) : job.Duration;

    private static string? JobName(Job job) =>
        job.MetaData is { } meta && meta.TryGetValue("jobName", out var name) && !string.IsNullOrEmpty(name) ? name : null;

    private string Link(JobListUrl url) => BasePath + url.ToQueryString();

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Refreshing the running jobs of a job list failed")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);
}
