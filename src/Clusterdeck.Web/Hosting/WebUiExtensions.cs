using Clusterdeck.Web.Plots;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Clusterdeck.Web.Hosting;

/// <summary>Registers and maps the browser UI: Razor components, static pages with interactive server parts.</summary>
public static class WebUiExtensions
{
    public static IServiceCollection AddClusterdeckWebUi(this IServiceCollection services)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidation>();
        return services;
    }

    public static IEndpointRouteBuilder MapClusterdeckWebUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapStaticAssets();
        endpoints.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        endpoints.MapNodePlotDataEndpoints();
        endpoints.MapJobPlotDataEndpoints();
        return endpoints;
    }
}
