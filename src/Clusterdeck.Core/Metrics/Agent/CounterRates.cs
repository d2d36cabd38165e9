namespace Clusterdeck.Core.Metrics.Agent;

/// <summary>
/// Turns monotonically growing counters (bytes, sectors) into per-second rates between two readings. A counter that
/// is new or went backwards (a device that appeared, a reset or wrap) contributes nothing until its next reading.
/// </summary>
internal sealed class CounterRates(TimeProvider timeProvider)
{
    private Dictionary<string, ulong> _previous = [];
    private Dictionary<string, ulong> _current = [];
    private long _previousTimestamp;
    private double _seconds;

    /// <summary>Starts a reading. False on the first one, or when no time has passed: there is nothing to divide by yet.</summary>
    public bool Begin()
    {
        var now = timeProvider.GetTimestamp();
        var first = _previousTimestamp == 0;
        _seconds = first ? 0 : timeProvider.GetElapsedTime(_previousTimestamp, now).TotalSeconds;
        _previousTimestamp = now;
        _current = new Dictionary<string, ulong>(_previous.Count, StringComparer.Ordinal);
        return !first && _seconds > 0;
    }

    /// <summary>Records <paramref name="value"/> for <paramref name="key"/> and returns how much it grew per second since the last reading, if it can tell.</summary>
    public double? Observe(string key, ulong value)
    {
        _current[key] = value;
        return _seconds > 0 && _previous.TryGetValue(key, out var before) && value >= before ? (value - before) / _seconds : null;
    }

    /// <summary>Ends the reading: counters not seen in it are forgotten.</summary>
    public void End() => _previous = _current;
}
