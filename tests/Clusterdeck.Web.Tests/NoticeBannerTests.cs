using Bunit;
using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Settings;
using Clusterdeck.Web.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Clusterdeck.Web.Tests;

public sealed class NoticeBannerTests : BunitContext
{
    private static readonly Caller Admin = new("root", [Role.Admin], AuthMethod.Session);

    private readonly NoticeService _notices;

    public NoticeBannerTests()
    {
        // The banner's logic, not the database: the settings table has its own tests on SQLite and PostgreSQL
        // (tests/Clusterdeck.Tests/Storage), so a dictionary stands in for it here.
        _notices = new NoticeService(new MemorySettings(), NullLogger<NoticeService>.Instance);
        Services.AddSingleton(_notices);
    }

    [Fact]
    public async Task SignedIn_WithNotice_ShowsItAsText()
    {
        AddAuthorization().SetAuthorized("alice");
        await _notices.SetAsync(Admin, "Down <b>Friday</b>\nback Monday", Xunit.TestContext.Current.CancellationToken);

        var banner = Render<NoticeBanner>();

        var element = banner.Find("[data-testid=notice-banner] .notice-text");
        Assert.Equal("Down <b>Friday</b>\nback Monday", element.TextContent);
        Assert.Empty(element.QuerySelectorAll("b"));
    }

    [Fact]
    public void SignedIn_NoNotice_ShowsNothing()
    {
        AddAuthorization().SetAuthorized("alice");

        Assert.Empty(Render<NoticeBanner>().FindAll("[data-testid=notice-banner]"));
    }

    [Fact]
    public async Task SignedOut_WithNotice_ShowsNothing()
    {
        AddAuthorization().SetNotAuthorized();
        await _notices.SetAsync(Admin, "only for users", Xunit.TestContext.Current.CancellationToken);

        Assert.Empty(Render<NoticeBanner>().FindAll("[data-testid=notice-banner]"));
    }

    [Theory]
    [InlineData("text", true, true)]
    [InlineData("text", false, false)]
    [InlineData("  ", true, false)]
    [InlineData(null, true, false)]
    public void ShouldShow_TextAndSignIn(string? text, bool signedIn, bool expected) => Assert.Equal(expected, NoticeBanner.ShouldShow(text, signedIn));

    private sealed class MemorySettings : ISettingsStore
    {
        private readonly Dictionary<string, string> _values = [];

        public Task<string?> GetAsync(string name, CancellationToken cancellationToken) => Task.FromResult(_values.GetValueOrDefault(name));

        public Task SetAsync(string name, string? value, CancellationToken cancellationToken)
        {
            if (value is null)
            {
                _values.Remove(name);
            }
            else
            {
                _values[name] = value;
            }

            return Task.CompletedTask;
        }
    }
}
