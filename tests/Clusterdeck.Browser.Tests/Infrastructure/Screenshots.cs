using Clusterdeck.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests.Infrastructure;

/// <summary>
/// The README's screenshots (docs/screenshots/NAME.png), taken by the tests that open those pages. Written only with
/// <c>UPDATE_SCREENSHOTS=1</c>, so an ordinary test run leaves the checkout clean.
/// </summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string name)
    {
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        var path = RepositoryPaths.Docs(Path.Combine("screenshots", name + ".png"));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = false });
    }
}
