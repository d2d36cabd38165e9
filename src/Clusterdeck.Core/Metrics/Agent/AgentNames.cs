namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>What a hostname or cluster name given to the agent must look like.</summary>
public static class AgentNames
{
    /// <summary>Null when <paramref name="value"/> is usable (empty counts: it means "find out"), else why not.</summary>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return $"'{value.ReplaceLineEndings(" ")}' contains a space or control character";
        }

        return null;
    }
}
