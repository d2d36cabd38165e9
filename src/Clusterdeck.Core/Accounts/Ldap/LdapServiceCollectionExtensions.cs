using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Core.Accounts.Ldap;

public static class LdapServiceCollectionExtensions
{
    /// <summary>
    /// Registers the LDAP directory (service password from <see cref="LdapOptions.PasswordVariable"/>),
    /// <see cref="LdapUserSync"/> (scoped, so it may use a scoped <see cref="IUserStore"/>), the periodic
    /// <see cref="LdapSyncService"/> and a validator for <see cref="LdapOptions"/>. The caller binds the
    /// options (<c>AddOptions&lt;LdapOptions&gt;().BindConfiguration(LdapOptions.SectionName).ValidateOnStart()</c>)
    /// and registers an <see cref="IUserStore"/>.
    /// </summary>
    public static IServiceCollection AddLdapAccounts(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ILdapDirectory>(provider => new LdapDirectory(
            provider.GetRequiredService<IOptions<LdapOptions>>(),
            static () => Environment.GetEnvironmentVariable(LdapOptions.PasswordVariable),
            provider.GetRequiredService<ILogger<LdapDirectory>>()));
        services.TryAddScoped<LdapUserSync>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LdapOptions>, LdapOptionsValidator>());
        services.AddHostedService<LdapSyncService>();
        return services;
    }
}
