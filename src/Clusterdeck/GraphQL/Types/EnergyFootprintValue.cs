namespace Clusterdeck.GraphQL.Types;

/// <summary>One energy entry of a job: the metric, the kind of hardware it measures, and its energy in kWh.</summary>
internal sealed record EnergyFootprintValue(string Hardware, string Metric, double Value)
{
    public static IReadOnlyList<EnergyFootprintValue> From(IReadOnlyDictionary<string, double>? energy) =>
        energy is null ? [] : [.. energy.Select(entry => new EnergyFootprintValue(HardwareOf(entry.Key), entry.Key, entry.Value))];

    /// <summary>cc-backend guesses the hardware from the metric name, in this order of precedence.</summary>
    private static string HardwareOf(string metric) =>
        Mentions(metric, "cpu") ? "CPU"
        : Mentions(metric, "acc") ? "Accelerator"
        : Mentions(metric, "mem") ? "Memory"
        : Mentions(metric, "core") ? "Core"
        : "Other";

    // cc-backend matches the lower-case, capitalised and upper-case spellings only (cpu|Cpu|CPU), not every mix.
    private static bool Mentions(string metric, string word) =>
        metric.Contains(word, StringComparison.Ordinal)
        || metric.Contains(char.ToUpperInvariant(word[0]) + word[1..], StringComparison.Ordinal)
        || metric.Contains(word.ToUpperInvariant(), StringComparison.Ordinal);
}
