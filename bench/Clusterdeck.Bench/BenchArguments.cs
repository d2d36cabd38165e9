using System.Globalization;

namespace Clusterdeck.Bench;

/// <summary>
/// The options of one benchmark: <c>--name value</c> pairs (a name may repeat) and bare <c>--flag</c>s.
/// Every option a benchmark does not ask for is an error, so a typo does not silently run the defaults.
/// </summary>
internal sealed class BenchArguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public BenchArguments(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (!name.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchmarkFailedException($"unexpected argument '{name}' (options are written --name value)");
            }

            var value = i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : "";
            if (!_values.TryGetValue(name, out var list))
            {
                _values[name] = list = [];
            }

            list.Add(value);
        }
    }

    public int Int(string name, int defaultValue, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return defaultValue;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new BenchmarkFailedException($"{name} must be a whole number from {min} to {max}, not '{text}'");
    }

    /// <summary>A comma-separated list such as <c>--concurrency 1,2,4</c>.</summary>
    public IReadOnlyList<int> IntList(string name, int defaultValue, int min, int max)
    {
        var text = String(name);
        if (text is null)
        {
            return [defaultValue];
        }

        return [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item =>
            int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
                ? value
                : throw new BenchmarkFailedException($"{name} must list whole numbers from {min} to {max}, not '{text}'"))];
    }

    public string? String(string name) => All(name) is [.., var last] ? last : null;

    public IReadOnlyList<string> All(string name)
    {
        _read.Add(name);
        return _values.TryGetValue(name, out var list) ? list : [];
    }

    public bool Flag(string name) => All(name).Count > 0;

    /// <summary>Call after reading every option the benchmark knows.</summary>
    public void ThrowOnUnknown()
    {
        var unknown = _values.Keys.Where(name => !_read.Contains(name)).ToList();
        if (unknown.Count > 0)
        {
            throw new BenchmarkFailedException($"unknown option(s): {string.Join(" ", unknown)}");
        }
    }
}
