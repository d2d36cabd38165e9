using Clusterdeck.Core.Jobs;

namespace Clusterdeck.Web.Plots;

/// <summary>SI prefixes of cc-backend's units as factors, so values measured in different prefixes can be compared.</summary>
internal static class UnitScale
{
    /// <summary>The factor of a unit's prefix (<c>G</c> → 1e9); 1 for none or one not known.</summary>
    public static double Factor(MetricUnit? unit) => unit?.Prefix switch
    {
        "K" or "k" => 1e3,
        "M" => 1e6,
        "G" => 1e9,
        "T" => 1e12,
        "P" => 1e15,
        "E" => 1e18,
        "m" => 1e-3,
        "u" or "µ" => 1e-6,
        "n" => 1e-9,
        _ => 1,
    };

    /// <summary>A value in <paramref name="unit"/> expressed in giga-units.</summary>
    public static double ToGiga(double value, MetricUnit? unit) => value * Factor(unit) / 1e9;
}
