using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Clusterdeck.Bench;

/// <summary>
/// The baseline for HTTP loads: a bare Kestrel process with the same routes answering at once, without reading
/// the body. Started like the real server (<c>serve --urls URL --data-dir DIR</c>) so the same driver loads it.
/// </summary>
internal static class EmptyServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var urls = args.SkipWhile(a => a != "--urls").Skip(1).FirstOrDefault()
            ?? throw new BenchmarkFailedException("the empty server needs --urls");
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(urls);
        var app = builder.Build();
        app.MapGet("/readyz", () => Results.Ok());
        app.MapPost("/api/jobs/start_job/", () => Results.Json(new { msg = "success" }, statusCode: StatusCodes.Status201Created));
        await app.RunAsync();
        return 0;
    }
}
