namespace Rightscope.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
