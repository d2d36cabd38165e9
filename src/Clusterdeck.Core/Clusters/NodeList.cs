using System.Globalization;

namespace Clusterdeck.Core.Clusters;

/// <summary>
/// cc-backend's node-list expression: comma-separated terms, each a name made of letters, digits and dashes
/// with optional bracketed zero-padded ranges (<c>f[0101-0188,0201-0288]</c>, <c>a0[1-2]0</c>); <c>*</c> is every node.
/// Range bounds must have the same number of digits, and a host matches a range only with that many digits.
/// </summary>
public sealed class NodeList
{
    private readonly IReadOnlyList<Term> _terms;

    private NodeList(string expression, IReadOnlyList<Term> terms, bool matchesAll)
    {
        Expression = expression;
        _terms = terms;
        MatchesAll = matchesAll;
    }

    /// <summary>The list that contains every host (<c>*</c>).</summary>
    public static NodeList All { get; } = new("*", [], matchesAll: true);

    public string Expression { get; }

    /// <summary>True for <c>*</c>: every hostname is in the list and it cannot be expanded.</summary>
    public bool MatchesAll { get; }

    /// <summary>Number of hostnames the list names, without expanding it; 0 for <c>*</c>.</summary>
    public long Count => _terms.Sum(t => t.Count);

    /// <summary>Parses an expression; throws <see cref="FormatException"/> naming the problem and its position.</summary>
    public static NodeList Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression == "*")
        {
            return All;
        }

        var terms = new List<Term>();
        foreach (var (start, length) in SplitTerms(expression))
        {
            terms.Add(ParseTerm(expression, start, length));
        }

        return new NodeList(expression, terms, matchesAll: false);
    }

    public static bool TryParse(string expression, out NodeList? list, out string? error)
    {
        try
        {
            list = Parse(expression);
            error = null;
            return true;
        }
        catch (FormatException e)
        {
            list = null;
            error = e.Message;
            return false;
        }
    }

    public bool Contains(string hostname)
    {
        ArgumentNullException.ThrowIfNull(hostname);
        return MatchesAll || _terms.Any(t => t.Matches(hostname));
    }

    /// <summary>Every hostname, in expression order; throws for <c>*</c>, which has no finite expansion.</summary>
    public IEnumerable<string> Expand()
    {
        if (MatchesAll)
        {
            throw new InvalidOperationException("the node list '*' matches every host and cannot be expanded");
        }

        return _terms.SelectMany(t => t.Expand());
    }

    public override string ToString() => Expression;

    /// <summary>Splits on commas outside brackets; an empty term (",," or a trailing comma) is an error.</summary>
    private static List<(int Start, int Length)> SplitTerms(string expression)
    {
        var result = new List<(int Start, int Length)>();
        var termStart = 0;
        var inBracket = false;
        for (var i = 0; i < expression.Length; i++)
        {
            switch (expression[i])
            {
                case '[' when inBracket:
                    throw Error(expression, i, "nested '['");
                case '[':
                    inBracket = true;
                    break;
                case ']' when !inBracket:
                    throw Error(expression, i, "']' without '['");
                case ']':
                    inBracket = false;
                    break;
                case ',' when !inBracket:
                    result.Add((termStart, i - termStart));
                    termStart = i + 1;
                    break;
            }
        }

        if (inBracket)
        {
            throw Error(expression, expression.Length, "unclosed '['");
        }

        result.Add((termStart, expression.Length - termStart));
        foreach (var (start, length) in result)
        {
            if (length == 0)
            {
                throw Error(expression, start, "empty term");
            }
        }

        return result;
    }

    private static Term ParseTerm(string expression, int start, int length)
    {
        var parts = new List<Part>();
        var end = start + length;
        var i = start;
        while (i < end)
        {
            var c = expression[i];
            if (IsNameChar(c))
            {
                var j = i;
                while (j < end && IsNameChar(expression[j]))
                {
                    j++;
                }

                parts.Add(new Part(expression[i..j], []));
                i = j;
            }
            else if (c == '[')
            {
                var close = expression.IndexOf(']', i);
                parts.Add(new Part(null, ParseRanges(expression, i + 1, close)));
                i = close + 1;
            }
            else
            {
                throw Error(expression, i, $"invalid character '{c}'");
            }
        }

        return new Term(parts);
    }

    private static List<Range> ParseRanges(string expression, int start, int end)
    {
        var ranges = new List<Range>();
        var body = expression[start..end];
        var offset = start;
        foreach (var piece in body.Split(','))
        {
            var dash = piece.IndexOf('-', StringComparison.Ordinal);
            if (dash < 0)
            {
                throw Error(expression, offset, $"'{piece}' is not a range: expected FROM-TO such as 01-10");
            }

            var (low, high) = (piece[..dash], piece[(dash + 1)..]);
            if (low.Length == 0 || low.Length != high.Length)
            {
                throw Error(expression, offset, $"'{low}' and '{high}' are not of equal length or of length zero; pad both bounds to the same number of digits");
            }

            if (!low.All(char.IsAsciiDigit) || !high.All(char.IsAsciiDigit) || low.Length > 9)
            {
                throw Error(expression, offset, $"'{piece}' is not a range of at most 9 digits");
            }

            var (from, to) = (int.Parse(low, CultureInfo.InvariantCulture), int.Parse(high, CultureInfo.InvariantCulture));
            if (from > to)
            {
                throw Error(expression, offset, $"range '{piece}' runs backwards");
            }

            ranges.Add(new Range(from, to, low.Length));
            offset += piece.Length + 1;
        }

        return ranges;
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '-';

    private static FormatException Error(string expression, int position, string reason) =>
        new($"node list '{expression}': {reason} (at position {position})");

    private readonly record struct Range(int From, int To, int Digits)
    {
        public int Count => To - From + 1;
    }

    /// <summary>A literal name piece (<see cref="Text"/>) or a set of alternative ranges.</summary>
    private sealed record Part(string? Text, IReadOnlyList<Range> Ranges);

    private sealed class Term(IReadOnlyList<Part> parts)
    {
        public long Count => parts.Aggregate(1L, (n, p) => p.Text is null ? n * p.Ranges.Sum(r => (long)r.Count) : n);

        public bool Matches(string hostname) => Matches(hostname.AsSpan(), 0);

        public IEnumerable<string> Expand()
        {
            IEnumerable<string> names = [""];
            foreach (var part in parts)
            {
                names = part.Text is { } text
                    ? names.Select(n => n + text)
                    : names.SelectMany(n => part.Ranges.SelectMany(r => Enumerable.Range(r.From, r.Count)
                        .Select(x => n + x.ToString(CultureInfo.InvariantCulture).PadLeft(r.Digits, '0'))));
            }

            return names;
        }

        private bool Matches(ReadOnlySpan<char> rest, int index)
        {
            if (index == parts.Count)
            {
                return rest.IsEmpty;
            }

            var part = parts[index];
            if (part.Text is { } text)
            {
                return rest.StartsWith(text, StringComparison.Ordinal) && Matches(rest[text.Length..], index + 1);
            }

            foreach (var range in part.Ranges)
            {
                if (rest.Length < range.Digits || !IsAllDigits(rest[..range.Digits]))
                {
                    continue;
                }

                var value = int.Parse(rest[..range.Digits], CultureInfo.InvariantCulture);
                if (value >= range.From && value <= range.To && Matches(rest[range.Digits..], index + 1))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAllDigits(ReadOnlySpan<char> span)
        {
            foreach (var c in span)
            {
                if (!char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
