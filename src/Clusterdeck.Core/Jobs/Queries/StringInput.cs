namespace Clusterdeck.Core.Jobs.Queries;

/// <summary>cc-backend's string condition; set exactly the operator you mean (the first set one wins: eq, neq, contains, startsWith, endsWith, in).</summary>
public sealed record StringInput
{
    public string? Eq { get; init; }
    public string? Neq { get; init; }
    public string? Contains { get; init; }
    public string? StartsWith { get; init; }
    public string? EndsWith { get; init; }
    public IReadOnlyList<string>? In { get; init; }

    public static StringInput Equal(string value) => new() { Eq = value };
}
