using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Clusterdeck.Data.Jobs;

/// <summary>
/// SQL under construction with its parameters. Every value from a caller becomes a parameter
/// (<see cref="Param"/>); only fixed, whitelisted fragments are ever appended as text.
/// </summary>
internal sealed class SqlText
{
    private readonly StringBuilder _text = new();
    private readonly List<KeyValuePair<string, object?>> _parameters = [];

    public SqlText Append(string sql)
    {
        _text.Append(sql);
        return this;
    }

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Param(object? value)
    {
        var name = "@p" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new(name, value));
        return name;
    }

    /// <summary>A parenthesised list of placeholders, one per value.</summary>
    public string ParamList<T>(IEnumerable<T> values) => "(" + string.Join(", ", values.Select(v => Param(v))) + ")";

    public override string ToString() => _text.ToString();

    public DbCommand CreateCommand(DbConnection connection, DbTransaction? transaction = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = _text.ToString();
        command.Transaction = transaction;
        foreach (var (name, value) in _parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }
}
