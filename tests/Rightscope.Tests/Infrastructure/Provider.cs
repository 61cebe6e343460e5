namespace Rightscope.Tests.Infrastructure;

/// <summary>Theory data: every integration test runs once per database provider (SQLite, PostgreSQL).</summary>
public sealed class ProviderData : TheoryData<string>
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    public ProviderData()
    {
        Add(Sqlite);
        Add(Postgres);
    }
}
