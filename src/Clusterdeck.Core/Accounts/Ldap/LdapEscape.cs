using System.Text;

namespace Clusterdeck.Core.Accounts.Ldap;

/// <summary>Escaping of untrusted values before they enter an LDAP filter or a DN.</summary>
internal static class LdapEscape
{
    /// <summary>
    /// Escapes a value for the right-hand side of a filter item (RFC 4515, section 3): <c>*</c>, <c>(</c>,
    /// <c>)</c>, <c>\</c> and NUL become <c>\2a</c>, <c>\28</c>, <c>\29</c>, <c>\5c</c> and <c>\00</c>, so
    /// the value can neither widen the match with a wildcard nor close the filter and add its own terms.
    /// </summary>
    public static string FilterValue(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            _ = c switch
            {
                '*' => escaped.Append(@"\2a"),
                '(' => escaped.Append(@"\28"),
                ')' => escaped.Append(@"\29"),
                '\\' => escaped.Append(@"\5c"),
                '\0' => escaped.Append(@"\00"),
                _ => escaped.Append(c),
            };
        }

        return escaped.ToString();
    }

    /// <summary>
    /// Escapes a value for use as an attribute value inside a DN (RFC 4514, section 2.4): the special
    /// characters are prefixed with a backslash, NUL becomes <c>\00</c>, and a leading space or <c>#</c>
    /// and a trailing space are escaped, so the value cannot add RDNs or change the DN's structure.
    /// </summary>
    public static string DnValue(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"' or '+' or ',' or ';' or '<' or '>' or '\\' or '=':
                    escaped.Append('\\').Append(c);
                    break;
                case '\0':
                    escaped.Append(@"\00");
                    break;
                case '#' when i == 0:
                case ' ' when i == 0 || i == value.Length - 1:
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }
}
