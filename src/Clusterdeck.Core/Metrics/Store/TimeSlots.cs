namespace Clusterdeck.Core.Metrics.Store;

/// <summary>Integer arithmetic that rounds toward negative infinity, so slots before 1970 are numbered consistently.</summary>
internal static class TimeSlots
{
    public static long FloorDiv(long value, long divisor)
    {
        var quotient = value / divisor;
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient;
    }

    public static long FloorMod(long value, long divisor) => value - (FloorDiv(value, divisor) * divisor);
}
