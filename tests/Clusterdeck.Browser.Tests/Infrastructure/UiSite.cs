using System.Net.Http.Json;
using System.Text.Json;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Clusterdeck.Browser.Tests.Infrastructure.UiSite))]

namespace Clusterdeck.Browser.Tests.Infrastructure;

/// <summary>
/// One real Clusterdeck host for the browser tests: Kestrel on a free port, SQLite, the reference archive (emmy with
/// its two 32-node jobs, fritz, alex, and the small <c>testcluster</c>) imported, and a few accounts. Tests add their
/// own jobs through the cc-backend API (<see cref="Api"/>) with job ids of their own, so they never see each other's.
/// </summary>
public sealed class UiSite : IAsyncLifetime
{
    /// <summary>Owner of the reference emmy jobs 1403244 and 1404397 (a plain user).</summary>
    public const string EmmyOwner = "emmyUser6";

    private static readonly Dictionary<string, string> Roles = new(StringComparer.Ordinal)
    {
        [EmmyOwner] = "user",
        ["alice"] = "user",
        ["bob"] = "user",
    };

    private ClusterdeckServer? _server;

    public ClusterdeckServer Server => _server ?? throw new InvalidOperationException("the site is not running");

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>An HTTP client with the admin's API token, for cc-backend's REST API.</summary>
    public HttpClient Api { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _server = await ClusterdeckServer.StartAsync(prepare: dataDirectory =>
        {
            TestArchive.CopyReference(dataDirectory);
            TestArchive.Create(dataDirectory);
        });
        var import = await _server.RunCommandAsync("archive", "import");
        Assert.True(import.ExitCode == 0, import.Output + import.Error);
        foreach (var (username, roles) in Roles)
        {
            var added = await _server.RunCommandAsync("user", "add", username, "--roles", roles, "--password", PasswordOf(username));
            Assert.True(added.ExitCode == 0, added.Error);
        }

        Api = _server.CreateClient();
        Api.DefaultRequestHeaders.Add("X-Auth-Token", await _server.AdminTokenAsync());
    }

    public string PasswordOf(string username) =>
        username == "admin" ? Server.InitialAdminPassword : $"pw-{username}";

    /// <summary>A fresh browser context signed in as <paramref name="username"/> (through the login endpoint), and a page in it; the test closes <c>page.Context</c>.</summary>
    public async Task<IPage> SignedInPageAsync(IBrowser browser, string username)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var response = await context.APIRequest.PostAsync("/login", new()
        {
            Form = context.APIRequest.CreateFormData().Set("username", username).Set("password", PasswordOf(username)),
            MaxRedirects = 0,
        });
        Assert.True(response.Status == 302, $"login of {username} answered {response.Status}");
        return await context.NewPageAsync();
    }

    /// <summary>Starts a job through cc-backend's <c>start_job</c> and returns its database id.</summary>
    public async Task<long> StartJobAsync(object job)
    {
        using var response = await Api.PostAsJsonAsync("/api/jobs/start_job/", job);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        // start_job answers cc-backend's {"msg": "success"}, without the id: find the job by cluster, start time and job id.
        var started = JsonSerializer.SerializeToElement(job);
        var (cluster, jobId, startTime) = (started.GetProperty("cluster").GetString(), started.GetProperty("jobId").GetInt64(), started.GetProperty("startTime").GetInt64());
        var list = await Api.GetFromJsonAsync<JsonElement>($"/api/jobs/?cluster={cluster}&start-time={startTime}-{startTime}&items-per-page=100");
        return list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("jobId").GetInt64() == jobId).GetProperty("id").GetInt64();
    }

    /// <summary>The database id of a job of the reference archive.</summary>
    public async Task<long> ReferenceJobIdAsync(string cluster, long jobId)
    {
        var list = await Api.GetFromJsonAsync<JsonElement>($"/api/jobs/?cluster={cluster}&items-per-page=100");
        return list.GetProperty("jobs").EnumerateArray().Single(j => j.GetProperty("jobId").GetInt64() == jobId).GetProperty("id").GetInt64();
    }

    public async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
