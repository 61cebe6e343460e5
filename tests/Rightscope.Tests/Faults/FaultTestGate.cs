using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Faults;

/// <summary>
/// The fault and scale-out tests start real <c>rightscope serve</c> processes (and a PostgreSQL cluster of their own), so
/// they take minutes: they run when <c>RIGHTSCOPE_FAULT_TESTS=1</c> (set by <c>.ci/run</c>) and skip otherwise.
/// </summary>
public static class FaultTestGate
{
    public const string Variable = "RIGHTSCOPE_FAULT_TESTS";

    public static void SkipUnlessEnabled()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
        {
            Assert.Skip($"fault and scale-out tests start real servers and take minutes: set {Variable}=1 to run them (.ci/run does)");
        }
    }

    /// <summary>A database of the shared test server (or a SQLite directory); skips or fails like the other provider tests.</summary>
    public static Task<TestDatabase> DatabaseAsync(string provider)
    {
        SkipUnlessEnabled();
        return TestDatabase.CreateAsync(provider);
    }
}
