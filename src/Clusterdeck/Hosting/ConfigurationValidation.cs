using System.Reflection;
using Microsoft.Extensions.Options;

namespace Clusterdeck.Hosting;

/// <summary>
/// Binds sections strictly (an unknown key is an error) and checks all of them at once, so a bad file
/// is reported in full rather than one error per attempt.
/// </summary>
internal static class ConfigurationValidation
{
    /// <summary>Top-level sections that belong to .NET itself rather than to an options class of ours.</summary>
    private static readonly string[] FrameworkSections = ["Logging"];

    public static OptionsBuilder<T> AddSection<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddSingleton(new OptionsSection(section, sp => FindErrors<T>(sp, section)));
        return services.AddOptions<T>().BindConfiguration(section);
    }

    /// <summary>Every problem of every registered section, and every top-level section nobody reads.</summary>
    public static IReadOnlyList<string> FindErrors(IServiceProvider services)
    {
        var sections = services.GetServices<OptionsSection>().ToList();
        var known = sections.Select(s => s.Name).Concat(FrameworkSections).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var errors = services.GetRequiredService<UserConfiguration>().Root.GetChildren()
            .Where(child => !known.Contains(child.Key))
            .Select(child => $"{child.Key}: unknown section (known sections: {string.Join(", ", sections.Select(s => s.Name))})")
            .ToList();
        errors.AddRange(sections.SelectMany(section => section.FindErrors(services)));
        return errors;
    }

    /// <summary>Throws <see cref="ConfigurationException"/> listing every problem, if there is any.</summary>
    public static void ThrowIfInvalid(IServiceProvider services)
    {
        var errors = FindErrors(services);
        if (errors.Count > 0)
        {
            throw new ConfigurationException(errors);
        }
    }

    private static List<string> FindErrors<T>(IServiceProvider services, string section)
        where T : class
    {
        var errors = UnknownKeys<T>(services.GetRequiredService<UserConfiguration>().Root.GetSection(section)).ToList();
        try
        {
            _ = services.GetRequiredService<IOptions<T>>().Value;
        }
        catch (OptionsValidationException e)
        {
            errors.AddRange(e.Failures);
        }
        catch (InvalidOperationException e)
        {
            // The binder's own error: a value it cannot convert, e.g. "abc" for a number.
            errors.Add($"{section}: {e.Message}");
        }

        return errors;
    }

    /// <summary>Keys of the section that no property of <typeparamref name="T"/> reads: almost always a typo.</summary>
    private static IEnumerable<string> UnknownKeys<T>(IConfigurationSection section)
    {
        var known = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite)
            .Select(p => p.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? p.Name)
            .ToList();
        return section.GetChildren()
            .Where(child => !known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            .Select(child => $"{child.Path}: unknown key (known keys: {string.Join(", ", known)})");
    }
}
