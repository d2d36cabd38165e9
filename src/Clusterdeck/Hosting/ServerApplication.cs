using System.Text.Json.Serialization;
using Clusterdeck.Authentication;
using Clusterdeck.Core.Authentication;
using Clusterdeck.Core.Metrics.Archiving;
using Clusterdeck.Data;
using Clusterdeck.GraphQL;
using Clusterdeck.Http;
using Clusterdeck.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Prometheus;
using Scalar.AspNetCore;

namespace Clusterdeck.Hosting;

/// <summary>Builds the Clusterdeck web server: services, middleware and every endpoint.</summary>
internal static class ServerApplication
{
    public static WebApplication Build(IConfigurationRoot configuration)
    {
        // The application name is fixed so the static web assets manifest (clusterdeck.staticwebassets.*.json) is found
        // when the host runs inside another process, as in the tests.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ApplicationName = typeof(ServerApplication).Assembly.GetName().Name });
        // Our configuration replaces the framework's default sources (appsettings.json, ASPNETCORE_*).
        // A copy, because the framework writes its own keys (urls, contentRoot) into it.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(configuration.AsEnumerable());
        ClusterdeckLogging.Configure(builder.Logging, builder.Configuration, LogLevel.Information, toStandardError: false);
        builder.Services.AddSystemd();

        var server = configuration.GetSection(ServerOptions.SectionName).Get<ServerOptions>() ?? new ServerOptions();
        builder.WebHost.UseUrls([.. server.UrlList]);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        // Serves the UI's bundled assets from the build output too, not only from a publish (where this is a no-op).
        builder.WebHost.UseStaticWebAssets();

        var services = builder.Services;
        services.AddClusterdeck(configuration);
        services.AddJobArchivingWorkers();
        services.AddSingleton<IInterceptor, DatabaseCommandMetrics>();
        services.AddProblemDetails();
        services.AddExceptionHandler<DomainExceptionHandler>();
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(json =>
        {
            // Strict, as cc-backend decodes: a misspelt field is an error, not silently ignored.
            json.SerializerOptions.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });
        services.AddClusterdeckGraphQL();
        services.AddClusterdeckWebUi();
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer<OpenApiDocumentSetup>());

        AddAuthentication(services);
        services.AddDataProtection().SetApplicationName("clusterdeck").PersistKeysToDbContext<ClusterdeckDbContext>();
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.HeaderName = AuthSchemes.CsrfHeaderName;
            antiforgery.FormFieldName = AuthSchemes.CsrfFormField;
            antiforgery.Cookie.Name = "clusterdeck_csrf";
            antiforgery.Cookie.SameSite = SameSiteMode.Strict;
        });

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseHttpMetrics();
        app.UseAuthentication();
        app.UseMiddleware<CsrfProtectionMiddleware>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthEndpoints();
        app.MapMetrics("/metrics");
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference("/docs", scalar => scalar.WithTitle("Clusterdeck API").WithOpenApiRoutePattern("/openapi/{documentName}.json"));
        app.MapLoginEndpoints();
        app.MapUserEndpoints();
        app.MapCcUserEndpoints();
        app.MapCcJobEndpoints();
        app.MapCcClusterEndpoints();
        app.MapCcNodeEndpoints();
        app.MapMetricStoreEndpoints();
        app.MapGraphQLEndpoints();
        app.MapClusterdeckWebUi();
        return app;
    }

    private static void AddAuthentication(IServiceCollection services)
    {
        services.AddSingleton<SessionCookieEvents>();
        services.AddAuthentication(AuthSchemes.TokenOrSession)
            .AddPolicyScheme(AuthSchemes.TokenOrSession, "Token or session", policy =>
                policy.ForwardDefaultSelector = context => AuthSchemes.ReadToken(context.Request) is null ? AuthSchemes.Session : AuthSchemes.Token)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AuthSchemes.Token, null)
            .AddCookie(AuthSchemes.Session, cookie =>
            {
                cookie.Cookie.Name = AuthSchemes.SessionCookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Lax;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.SlidingExpiration = true;
                cookie.LoginPath = "/login";
                cookie.ReturnUrlParameter = "redirect";
                cookie.EventsType = typeof(SessionCookieEvents);
            });
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(AuthSchemes.Session)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.SessionLifetimeSpan);
        services.AddAuthorization();
    }
}
