using Clusterdeck.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

public sealed class LoginTests(Chromium chromium, UiSite site)
{
    [Fact]
    public async Task LoginForm_RightPassword_LandsOnTheRequestedPageAndLogsOut()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/jobs");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#username", "alice");
        await page.FillAsync("#password", site.PasswordOf("alice"));
        await page.ClickAsync("button[type=submit]");

        await page.WaitForURLAsync("**/jobs");
        Assert.Equal("alice", (await page.GetByTestId("user-menu").InnerTextAsync()).Trim());

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("logout").ClickAsync();
        await page.WaitForURLAsync("**/login");
        await page.GotoAsync("/jobs");
        Assert.Contains("/login", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginForm_WrongPassword_ShowsTheReasonAndStaysSignedOut()
    {
        chromium.RequireBrowser();
        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/login");
        await page.FillAsync("#username", "bob");
        await page.FillAsync("#password", "not-his-password");
        await page.ClickAsync("button[type=submit]");

        await Assertions.Expect(page.GetByTestId("login-error")).ToContainTextAsync("Invalid username or password");
    }
}
