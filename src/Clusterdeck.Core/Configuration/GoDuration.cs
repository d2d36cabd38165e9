using System.Diagnostics.CodeAnalysis;

namespace Clusterdeck.Core.Configuration;

/// <summary>
/// Parses durations written in Go's <c>time.ParseDuration</c> syntax (<c>24h</c>, <c>1h30m</c>, <c>1.5s</c>,
/// <c>-300ms</c>), which cc-backend configuration files use for every interval. Accepted units are
/// <c>ns</c>, <c>us</c> (also <c>µs</c>/<c>μs</c>), <c>ms</c>, <c>s</c>, <c>m</c> and <c>h</c>; there is no
/// day unit, as in Go. The bare value <c>0</c> is the only number allowed without a unit.
/// </summary>
public static class GoDuration
{
    private const decimal NanosecondsPerTick = 100m;

    // Longer digit runs overflow a TimeSpan in any unit, so they are rejected before decimal arithmetic can overflow.
    private const int MaxIntegerDigits = 21;

    // Digits after this many fractional places are below the resolution of a TimeSpan tick even in hours.
    private const int MaxFractionDigits = 18;

    private static readonly decimal MaxNanoseconds = TimeSpan.MaxValue.Ticks * NanosecondsPerTick;

    /// <summary>
    /// Parses <paramref name="value"/>; false for anything Go would reject and for durations a
    /// <see cref="TimeSpan"/> cannot hold. Precision finer than a tick (100 ns) is truncated toward zero.
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out TimeSpan result)
    {
        result = TimeSpan.Zero;
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var text = value.AsSpan();
        var negative = false;
        if (text[0] is '-' or '+')
        {
            negative = text[0] == '-';
            text = text[1..];
        }

        if (text is "0")
        {
            return true;
        }

        if (text.IsEmpty)
        {
            return false;
        }

        var totalNanoseconds = 0m;
        while (!text.IsEmpty)
        {
            if (!TryReadNumber(ref text, out var number) || !TryReadUnit(ref text, out var nanosecondsPerUnit))
            {
                return false;
            }

            // Compared before multiplying so that a huge number cannot overflow the decimal itself.
            if (number > (MaxNanoseconds - totalNanoseconds) / nanosecondsPerUnit)
            {
                return false;
            }

            totalNanoseconds += number * nanosecondsPerUnit;
        }

        var ticks = (long)decimal.Truncate(totalNanoseconds / NanosecondsPerTick);
        result = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    private static bool TryReadNumber(ref ReadOnlySpan<char> text, out decimal number)
    {
        number = 0m;
        var integerDigits = CountDigits(text);
        if (integerDigits > MaxIntegerDigits)
        {
            return false;
        }

        foreach (var digit in text[..integerDigits])
        {
            number = (number * 10) + (digit - '0');
        }

        text = text[integerDigits..];
        var fractionDigits = 0;
        if (!text.IsEmpty && text[0] == '.')
        {
            text = text[1..];
            fractionDigits = CountDigits(text);
            var scale = 1m;
            foreach (var digit in text[..Math.Min(fractionDigits, MaxFractionDigits)])
            {
                scale /= 10;
                number += (digit - '0') * scale;
            }

            text = text[fractionDigits..];
        }

        // Go accepts "1.", ".5" and "1.5" but not a lone ".".
        return integerDigits > 0 || fractionDigits > 0;
    }

    private static bool TryReadUnit(ref ReadOnlySpan<char> text, out decimal nanosecondsPerUnit)
    {
        var length = 0;
        while (length < text.Length && text[length] != '.' && !char.IsAsciiDigit(text[length]))
        {
            length++;
        }

        nanosecondsPerUnit = text[..length] switch
        {
            "ns" => 1m,
            "us" or "\u00b5s" or "\u03bcs" => 1_000m,
            "ms" => 1_000_000m,
            "s" => 1_000_000_000m,
            "m" => 60_000_000_000m,
            "h" => 3_600_000_000_000m,
            _ => 0m,
        };
        text = text[length..];
        return nanosecondsPerUnit > 0;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        return count;
    }
}
