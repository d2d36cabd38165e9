namespace Clusterdeck.Core.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
