namespace Clusterdeck.Hosting;

/// <summary>The configuration cannot be used; <see cref="Errors"/> lists every problem, each naming its key or file.</summary>
internal sealed class ConfigurationException(IReadOnlyList<string> errors)
    : Exception("invalid configuration:" + string.Concat(errors.Select(e => Environment.NewLine + "  " + e)))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
