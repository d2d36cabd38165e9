namespace Clusterdeck.Data.Jobs;

/// <summary>
/// The few pieces of job SQL that differ between SQLite and PostgreSQL: reading the JSON columns,
/// writing them, and case-insensitive LIKE. Everything else is SQL both engines accept.
/// </summary>
internal abstract class SqlDialect
{
    public static SqlDialect Sqlite { get; } = new SqliteDialect();

    public static SqlDialect Postgres { get; } = new PostgresDialect();

    public abstract bool IsPostgres { get; }

    /// <summary>How a parameter holding JSON text is written into a JSON column.</summary>
    public abstract string JsonValue(string parameter);

    /// <summary>The number stored under <paramref name="keyParameter"/> in the footprint, or NULL.</summary>
    public abstract string FootprintNumber(string keyParameter);

    /// <summary>The parameter value that <see cref="FootprintNumber"/> expects for a footprint key.</summary>
    public abstract string FootprintKey(string key);

    /// <summary><c>metaData.jobName</c> as text, or NULL.</summary>
    public abstract string JobName { get; }

    /// <summary>A condition that holds when some resource's hostname satisfies <paramref name="condition"/> (which uses <c>{0}</c> for the hostname).</summary>
    public abstract string AnyHostname(string condition);

    /// <summary>Case-insensitive LIKE with backslash as the escape character.</summary>
    public abstract string Like(string expression, string parameter);

    /// <summary>The JSON object in <paramref name="column"/> (or an empty one when NULL) with the string member <paramref name="keyParameter"/> set.</summary>
    public abstract string SetJsonMember(string column, string keyParameter, string valueParameter);

    private sealed class SqliteDialect : SqlDialect
    {
        public override bool IsPostgres => false;

        public override string JsonValue(string parameter) => parameter;

        public override string FootprintNumber(string keyParameter) => $"json_extract(job.footprint, {keyParameter})";

        // A quoted JSON path member, so a key is never read as path syntax. Keys are checked to be [A-Za-z0-9_] anyway.
        public override string FootprintKey(string key) => $"$.\"{key}\"";

        public override string JobName => "json_extract(job.meta_data, '$.jobName')";

        public override string AnyHostname(string condition) =>
            $"EXISTS (SELECT 1 FROM json_each(job.resources) AS r WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, "json_extract(r.value, '$.hostname')")})";

        // SQLite's LIKE ignores ASCII case already.
        public override string Like(string expression, string parameter) => $"{expression} LIKE {parameter} ESCAPE '\\'";

        // json_patch merges a one-member object, so any key works (a json_set path would need the key quoted and escaped).
        public override string SetJsonMember(string column, string keyParameter, string valueParameter) =>
            $"json_patch(COALESCE({column}, '{{}}'), json_object({keyParameter}, {valueParameter}))";
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override bool IsPostgres => true;

        public override string JsonValue(string parameter) => $"CAST({parameter} AS jsonb)";

        public override string FootprintNumber(string keyParameter) => $"CAST(job.footprint ->> {keyParameter} AS double precision)";

        public override string FootprintKey(string key) => key;

        public override string JobName => "(job.meta_data ->> 'jobName')";

        public override string AnyHostname(string condition) =>
            $"EXISTS (SELECT 1 FROM jsonb_array_elements(job.resources) AS r WHERE {string.Format(System.Globalization.CultureInfo.InvariantCulture, condition, "(r ->> 'hostname')")})";

        public override string Like(string expression, string parameter) => $"{expression} ILIKE {parameter} ESCAPE '\\'";

        public override string SetJsonMember(string column, string keyParameter, string valueParameter) =>
            $"COALESCE({column}, '{{}}'::jsonb) || jsonb_build_object(CAST({keyParameter} AS text), CAST({valueParameter} AS text))";
    }
}
