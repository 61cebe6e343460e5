namespace Rightscope.Tests.Infrastructure;

/// <summary>
/// What the machine offers to tests. Suites that need PostgreSQL or Chromium skip with a reason when they are
/// absent, and fail instead when <c>RIGHTSCOPE_REQUIRE_ALL=1</c> (set by <c>.ci/run</c>).
/// </summary>
public static class TestEnvironment
{
    /// <summary>Server connection string without a database, e.g. <c>Host=127.0.0.1;Username=…;Password=…</c>.</summary>
    public static string? PostgresServer => Environment.GetEnvironmentVariable("RIGHTSCOPE_TEST_POSTGRES");

    public static bool RequireAll => Environment.GetEnvironmentVariable("RIGHTSCOPE_REQUIRE_ALL") == "1";

    public static void SkipOrFail(string reason)
    {
        if (RequireAll)
        {
            Assert.Fail($"{reason} (RIGHTSCOPE_REQUIRE_ALL=1 forbids skipping)");
        }

        Assert.Skip(reason);
    }
}
