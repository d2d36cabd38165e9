using System.Net.Http.Headers;
using System.Text;
using Clusterdeck.Core.Metrics;
using Clusterdeck.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Metrics.Sources;

/// <summary>
/// One source under test, read through a real server's <see cref="IMetricSource"/>, with the known values of
/// <see cref="SourceTestCluster.KnownValues"/> present for every second of [<see cref="DataFrom"/>, <see cref="DataTo"/>).
/// </summary>
public abstract class MetricSourceFixture : IAsyncLifetime
{
    /// <summary>Why the source cannot run here, or null when it runs.</summary>
    public string? SkipReason { get; protected set; }

    /// <summary>The server whose <see cref="IMetricSource"/> is under test.</summary>
    public ClusterdeckServer? Reader { get; protected set; }

    public IMetricSource Source => Reader!.Services.GetRequiredService<IMetricSource>();

    /// <summary>Whether tests can write their own data (<see cref="WriteAsync"/>); false for Prometheus, which only scrapes.</summary>
    public abstract bool Writable { get; }

    /// <summary>Unix seconds; the known values exist from here ...</summary>
    public long DataFrom { get; protected set; }

    /// <summary>... to here (exclusive).</summary>
    public long DataTo { get; protected set; }

    public void SkipIfUnavailable()
    {
        if (SkipReason is not null)
        {
            Assert.Skip(SkipReason);
        }
    }

    /// <summary>Stores line protocol where the source reads from (writable sources only).</summary>
    public virtual Task WriteAsync(string lines) => throw new NotSupportedException($"{GetType().Name} is read-only");

    public abstract ValueTask InitializeAsync();

    public virtual async ValueTask DisposeAsync()
    {
        if (Reader is not null)
        {
            await Reader.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Posts line protocol to <c>/api/write</c> of <paramref name="server"/>, as cc-metric-collector does.</summary>
    protected static async Task WriteToAsync(ClusterdeckServer server, string token, string lines)
    {
        using var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var content = new StringContent(lines, Encoding.UTF8, "text/plain");
        using var response = await client.PostAsync(new Uri($"/api/write?cluster={SourceTestCluster.Name}", UriKind.Relative), content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"/api/write answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>The known values for every second of the last five minutes, ending now; sets <see cref="DataFrom"/> and <see cref="DataTo"/>.</summary>
    protected string KnownValueLines()
    {
        DataTo = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        DataFrom = DataTo - 300;
        var lines = new StringBuilder();
        for (var time = DataFrom; time < DataTo; time++)
        {
            foreach (var (metric, byHost) in SourceTestCluster.KnownValues)
            {
                foreach (var (host, value) in byHost)
                {
                    SourceTestCluster.AppendLine(lines, metric, host, time, value);
                }
            }
        }

        return lines.ToString();
    }
}
