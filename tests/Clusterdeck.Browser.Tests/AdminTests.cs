using System.Text.RegularExpressions;
using Clusterdeck.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Clusterdeck.Browser.Tests;

/// <summary>The admin page (users, notice), the user edit page and the token page, through real form posts.</summary>
public sealed partial class AdminTests(Chromium chromium, UiSite site)
{
    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")]
    private static partial Regex JwtPattern();

    [Fact]
    public async Task Admin_CreatesUser_WhoLogsInThroughTheFormAndIsThenEditedAndDeleted()
    {
        chromium.RequireBrowser();
        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        await admin.GotoAsync("/admin");
        await Assertions.Expect(admin.GetByTestId("users-table")).ToContainTextAsync("alice");

        // A service refusal comes back as a message on the form, not an error page.
        await admin.FillAsync("#new-username", "no spaces allowed");
        await admin.FillAsync("#new-password", "pw-x");
        await admin.GetByTestId("create-user").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("create-error")).ToContainTextAsync("may contain only letters");

        await admin.FillAsync("#new-username", "carol-admintest");
        await admin.FillAsync("#new-name", "Carol Admintest");
        await admin.FillAsync("#new-email", "carol@example.org");
        await admin.FillAsync("#new-password", "pw-carol");
        await admin.GetByTestId("create-user").ClickAsync();
        await admin.WaitForURLAsync("**/admin?created=carol-admintest");
        var row = admin.Locator("[data-testid=user-row][data-username=carol-admintest]");
        await Assertions.Expect(row.GetByTestId("user-roles")).ToHaveTextAsync("user");
        await Screenshots.SaveAsync(admin, "admin");

        await using (var context = await chromium.Browser.NewContextAsync(new() { BaseURL = site.BaseAddress.ToString() }))
        {
            var carol = await context.NewPageAsync();
            await carol.GotoAsync("/jobs");
            await carol.FillAsync("#username", "carol-admintest");
            await carol.FillAsync("#password", "pw-carol");
            await carol.ClickAsync("button[type=submit]");
            await carol.WaitForURLAsync("**/jobs");
            Assert.Equal("carol-admintest", (await carol.GetByTestId("user-menu").InnerTextAsync()).Trim());
        }

        await row.GetByTestId("edit-user").ClickAsync();
        await admin.WaitForURLAsync("**/admin/users/carol-admintest");
        await admin.CheckAsync("#edit-role-manager");
        await admin.FillAsync("#edit-projects", "proj-b, proj-a");
        await admin.GetByTestId("save-user").ClickAsync();
        await admin.WaitForURLAsync("**/admin/users/carol-admintest?saved=true");
        Assert.True(await admin.IsCheckedAsync("#edit-role-manager"));
        Assert.Equal("proj-a, proj-b", await admin.InputValueAsync("#edit-projects"));

        await admin.GetByTestId("delete-user").ClickAsync();
        await admin.GetByTestId("confirm-delete").ClickAsync();
        await admin.WaitForURLAsync("**/admin?deleted=carol-admintest");
        await Assertions.Expect(admin.Locator("[data-testid=user-row][data-username=carol-admintest]")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Notice_SetByAdmin_ShownToOtherUsersAsText()
    {
        chromium.RequireBrowser();
        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        const string notice = "Maintenance on Friday <script>window.noticeRan = true</script> <b>bold?</b>";
        try
        {
            await admin.GotoAsync("/admin");
            await admin.FillAsync("#notice-text", notice);
            await admin.GetByTestId("save-notice").ClickAsync();
            await admin.WaitForURLAsync("**/admin?notice=saved");

            var bob = await site.SignedInPageAsync(chromium.Browser, "bob");
            await using var bobContext = bob.Context;
            await bob.GotoAsync("/jobs");
            await Assertions.Expect(bob.GetByTestId("notice-banner")).ToHaveTextAsync(notice);
            Assert.False(await bob.EvaluateAsync<bool>("window.noticeRan === true"));
            await Assertions.Expect(bob.Locator("[data-testid=notice-banner] b")).ToHaveCountAsync(0);
        }
        finally
        {
            // The site is shared: leave no banner on other tests' pages.
            await admin.GotoAsync("/admin");
            await admin.FillAsync("#notice-text", "");
            await admin.GetByTestId("save-notice").ClickAsync();
            await admin.WaitForURLAsync("**/admin?notice=removed");
        }

        await Assertions.Expect(admin.GetByTestId("notice-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Notice_TooLong_RefusedWithTheReason()
    {
        chromium.RequireBrowser();
        var admin = await site.SignedInPageAsync(chromium.Browser, "admin");
        await using var adminContext = admin.Context;
        await admin.GotoAsync("/admin");
        // The textarea's maxlength stops typing; a crafted post is what the service's limit is for.
        await admin.EvalOnSelectorAsync("#notice-text", "e => { e.removeAttribute('maxlength'); e.value = 'x'.repeat(501); }");
        await admin.GetByTestId("save-notice").ClickAsync();
        await Assertions.Expect(admin.GetByTestId("notice-error")).ToContainTextAsync("at most 500 characters");
    }

    [Theory]
    [InlineData("/admin")]
    [InlineData("/admin/users/alice")]
    [InlineData("/status/fritz")]
    [InlineData("/nodes/fritz/f0101")]
    public async Task AdminPages_PlainUser_Forbidden(string path)
    {
        chromium.RequireBrowser();
        var alice = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var aliceContext = alice.Context;
        var response = await alice.GotoAsync(path);
        Assert.Equal(403, response!.Status);
        await Assertions.Expect(alice.GetByTestId("problem")).ToContainTextAsync("Access denied");
        await Assertions.Expect(alice.GetByTestId("users-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AdminPage_PostByPlainUserWithValidAntiforgeryToken_ChangesNothing()
    {
        chromium.RequireBrowser();
        var alice = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var aliceContext = alice.Context;
        // Her own token page carries a valid antiforgery field; she replays it into a post of the admin's notice form.
        await alice.GotoAsync("/account/token");
        var field = alice.Locator("form input[type=hidden]:not([name=_handler])").First;
        var (name, value) = (await field.GetAttributeAsync("name"), await field.GetAttributeAsync("value"));
        var response = await alice.APIRequest.PostAsync("/admin", new()
        {
            Form = alice.APIRequest.CreateFormData().Set(name!, value!).Set("_handler", "notice").Set("Notice.Text", "forged by alice"),
            MaxRedirects = 0,
        });

        // Blazor refuses a post to a form the page did not render for her (400); the page itself would answer 403.
        Assert.True(response.Status is 400 or 403, $"answered {response.Status}");
        var bob = await site.SignedInPageAsync(chromium.Browser, "bob");
        await using var bobContext = bob.Context;
        await bob.GotoAsync("/jobs");
        await Assertions.Expect(bob.GetByTestId("notice-banner")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task TokenPage_IssuesAWorkingTokenShownOnce()
    {
        chromium.RequireBrowser();
        var alice = await site.SignedInPageAsync(chromium.Browser, "alice");
        await using var aliceContext = alice.Context;
        await alice.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await alice.GotoAsync("/account/token");
        await Assertions.Expect(alice.GetByTestId("token-roles")).ToHaveTextAsync("user");
        await Assertions.Expect(alice.GetByTestId("token-compat-note")).ToBeVisibleAsync();

        await alice.GetByTestId("issue-token").ClickAsync();
        var token = await alice.GetByTestId("issued-token").InputValueAsync();
        Assert.Matches(JwtPattern(), token);
        await alice.GetByTestId("copy-token").ClickAsync();
        await Assertions.Expect(alice.GetByTestId("copy-token")).ToHaveAttributeAsync("data-copied", "true");
        Assert.Equal(token, await alice.EvaluateAsync<string>("navigator.clipboard.readText()"));

        using var client = site.Server.CreateClient();
        client.DefaultRequestHeaders.Add("X-Auth-Token", token);
        using var me = await client.GetAsync(new Uri("/api/v1/users/alice", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.OK, me.StatusCode);

        await alice.GotoAsync("/account/token");
        await Assertions.Expect(alice.GetByTestId("issued-token")).ToHaveCountAsync(0);
        await Assertions.Expect(alice.GetByTestId("issue-token")).ToBeVisibleAsync();
    }
}
