using Clusterdeck.Core.Accounts;
using Clusterdeck.Core.Errors;
using Clusterdeck.Core.Jobs;
using Clusterdeck.Core.Jobs.Queries;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Tests.Jobs;

/// <summary>Tag scope rules as a role table, and the tag and query services on a real SQLite database.</summary>
public sealed class TagServiceTests : IAsyncLifetime
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("clusterdeck-tags-");
    private ServiceProvider _services = null!;

    private TagService Service => _services.GetRequiredService<TagService>();

    private JobQueryService Queries => _services.GetRequiredService<JobQueryService>();

    private IJobStore Jobs => _services.GetRequiredService<IJobStore>();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _services = await JobDatabase.StartAsync([$"Storage:DataDirectory={_directory.FullName}", "Database:Provider=sqlite"], JobDatabase.Clock());

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Delete(recursive: true);
    }

    private static Caller Caller(string username, params string[] roles)
    {
        Assert.True(RoleNames.TryParseAll(roles, out var parsed, out _));
        return new Caller(username, parsed, AuthMethod.Token);
    }

    // read, write (create/attach/detach), delete — for scopes global, admin, own ("sam") and someone else's ("kim").
    [Theory]
    [InlineData(new[] { "admin" }, "rwd rwd rwd ---")]
    [InlineData(new[] { "admin", "api" }, "rwd rwd rwd ---")]
    [InlineData(new[] { "api" }, "rwd -wd rwd ---")]
    [InlineData(new[] { "support" }, "rw- r-- rwd ---")]
    [InlineData(new[] { "manager" }, "r-- --- rwd ---")]
    [InlineData(new[] { "user" }, "r-- --- rwd ---")]
    [InlineData(new string[0], "r-- --- rwd ---")]
    public void ScopeRules_PerRole_MatchCcBackend(string[] roles, string expected)
    {
        var caller = Caller("sam", roles);

        var actual = string.Join(' ', new[] { TagScopes.Global, TagScopes.Admin, "sam", "kim" }.Select(scope =>
            $"{(TagService.CanRead(caller, scope) ? 'r' : '-')}{(TagService.CanWrite(caller, scope) ? 'w' : '-')}{(TagService.CanDelete(caller, scope) ? 'd' : '-')}"));

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Create_Existing_IsConflict_AndForeignScopeIsDenied()
    {
        var admin = Caller("root", "admin");
        await Service.CreateAsync(admin, "app", "vasp", null, Token);

        await Assert.ThrowsAsync<ConflictException>(() => Service.CreateAsync(admin, "app", "vasp", TagScopes.Global, Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.CreateAsync(Caller("sam", "user"), "app", "x", TagScopes.Global, Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.CreateAsync(Caller("sam", "user"), "app", "x", "kim", Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => Service.CreateAsync(admin, "", "x", null, Token));
        await Assert.ThrowsAsync<InvalidInputException>(() => Service.CreateAsync(admin, "t", new string('x', 256), null, Token));
        Assert.Equal("sam", (await Service.CreateAsync(Caller("sam", "user"), "mine", "x", "sam", Token)).Scope);
    }

    [Fact]
    public async Task List_And_JobTags_ShowOnlyReadableScopes()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1, user: "sam"), Token);
        var api = Caller("adapter", "api");
        await Service.AttachByNameAsync(api, id, [new Tag { Type = "a", Name = "g" }, new Tag { Type = "a", Name = "adm", Scope = TagScopes.Admin }], Token);
        var sam = Caller("sam", "user");
        var own = await Service.AttachByNameAsync(sam, id, [new Tag { Type = "a", Name = "mine", Scope = "sam" }], Token);
        await Service.CreateAsync(Caller("kim", "user"), "a", "kims", "kim", Token);

        Assert.Equal(["g", "mine"], own.Select(t => t.Name).Order());
        Assert.Equal(["g", "mine"], (await Service.ListAsync(sam, Token)).Select(t => t.Name).Order());
        Assert.Equal(["adm", "g"], (await Service.ListAsync(Caller("help", "support"), Token)).Select(t => t.Name).Order());
        Assert.Equal(["g", "mine"], (await Queries.GetAsync(sam, id, Token)).Tags!.Select(t => t.Name).Order());
        Assert.Equal(["g", "mine"], (await Queries.TagsOfJobAsync(sam, id, Token)).Select(t => t.Name).Order());
        Assert.Equal(["g", "mine"], (await Queries.QueryAsync(sam, new JobQuery(), Token)).Items.Single().Tags!.Select(t => t.Name).Order());
    }

    [Fact]
    public async Task Attach_NeedsSightOfJobAndWriteAccess()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1, user: "sam"), Token);
        var global = await Service.CreateAsync(Caller("root", "admin"), "a", "g", null, Token);
        var kims = await Service.CreateAsync(Caller("kim", "user"), "a", "k", "kim", Token);

        await Assert.ThrowsAsync<NotFoundException>(() => Service.AttachAsync(Caller("kim", "user"), id, [kims.Id], Token));
        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.AttachAsync(Caller("sam", "user"), id, [global.Id], Token));
        await Assert.ThrowsAsync<NotFoundException>(() => Service.AttachAsync(Caller("sam", "user"), id, [kims.Id], Token));
        await Assert.ThrowsAsync<NotFoundException>(() => Service.AttachAsync(Caller("root", "admin"), id + 5, [global.Id], Token));

        Assert.Equal([global], await Service.AttachAsync(Caller("help", "support"), id, [global.Id], Token));
        Assert.Empty(await Service.DetachAsync(Caller("root", "admin"), id, [global.Id], Token));
    }

    [Fact]
    public async Task Delete_ByIdAndByName_FollowsDeleteRules()
    {
        var id = await Jobs.AddAsync(SampleJobs.Job(1), Token);
        var global = await Service.CreateAsync(Caller("root", "admin"), "a", "g", null, Token);
        await Service.AttachAsync(Caller("root", "admin"), id, [global.Id], Token);

        await Assert.ThrowsAsync<AccessDeniedException>(() => Service.DeleteAsync(Caller("help", "support"), global.Id, Token));
        await Service.DeleteAsync(Caller("adapter", "api"), "a", "g", null, Token);
        await Assert.ThrowsAsync<NotFoundException>(() => Service.DeleteAsync(Caller("root", "admin"), global.Id, Token));
        Assert.Empty((await Queries.GetAsync(Caller("root", "admin"), id, Token)).Tags!);

        var mine = await Service.CreateAsync(Caller("sam", "user"), "a", "m", "sam", Token);
        await Assert.ThrowsAsync<NotFoundException>(() => Service.DeleteAsync(Caller("kim", "user"), mine.Id, Token));
        await Service.DeleteAsync(Caller("sam", "user"), mine.Id, Token);
    }

    [Fact]
    public async Task QueryService_AppliesVisibility()
    {
        await _services.GetRequiredService<IUserStore>().AddAsync(new UserAccount { Username = "boss", Roles = [Role.Manager], Projects = ["p2"] }, Token);
        var mine = await Jobs.AddAsync(SampleJobs.Job(1, user: "sam"), Token);
        var project = await Jobs.AddAsync(SampleJobs.Job(2, user: "kim") with { Project = "p2" }, Token);

        await Assert.ThrowsAsync<NotFoundException>(() => Queries.GetAsync(Caller("kim", "user"), mine, Token));
        Assert.Equal(1, await Queries.CountAsync(Caller("sam", "user"), [], Token));
        Assert.Equal(2, await Queries.CountAsync(Caller("x", "api"), [], Token));
        Assert.Equal(project, (await Queries.GetAsync(Caller("boss", "manager"), project, Token)).Id);
        Assert.Equal(1, (await Queries.QueryAsync(Caller("boss", "manager"), new JobQuery(), Token)).Count);
        Assert.Equal(1, Assert.Single(await Queries.StatisticsAsync(Caller("kim", "user"), new JobStatisticsQuery(), Token)).TotalJobs);
        await Assert.ThrowsAsync<AccessDeniedException>(() => Queries.CountAsync(Caller("nobody"), [], Token));
    }
}
