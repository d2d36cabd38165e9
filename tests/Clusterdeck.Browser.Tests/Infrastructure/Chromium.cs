using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Clusterdeck.Browser.Tests.Infrastructure.Chromium))]

namespace Clusterdeck.Browser.Tests.Infrastructure;

/// <summary>
/// Debian's Chromium (<c>/usr/bin/chromium</c>, installed by test.sh), driven by Playwright and shared by every test;
/// each test opens its own context, so cookies never leak between tests. Playwright's own browser download is never
/// used. Without Chromium the tests are skipped with the reason, and fail under <c>CI=true</c>.
/// </summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("Chromium is not running");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Skips the calling test when Chromium is missing (a failure under <c>CI=true</c>).</summary>
    public void RequireBrowser()
    {
        if (_browser is not null)
        {
            return;
        }

        const string reason = $"Chromium is not installed at {ExecutablePath} (apt-get install chromium; test.sh does it as root)";
        if (Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail(reason);
        }

        Assert.Skip(reason);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
