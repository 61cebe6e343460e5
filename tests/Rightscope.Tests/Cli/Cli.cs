using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Cli;
using Rightscope.Data;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public CliResult AssertSucceeded()
    {
        Assert.True(ExitCode == ExitCodes.Success, $"exit code {ExitCode}: {Error}");
        return this;
    }

    /// <summary>Asserts a failure with exactly one <c>error: …</c> line that contains every fragment.</summary>
    public void AssertFailedWith(params string[] fragments)
    {
        Assert.Equal(ExitCodes.Failure, ExitCode);
        var line = Assert.Single(ErrorLines);
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, line, StringComparison.Ordinal);
        }
    }
}

/// <summary>Runs <c>rightscope</c> commands in-process against a test database, and looks into that database.</summary>
public static class Cli
{
    public static async Task<CliResult> RunAsync(TestDatabase database, string stdin, params string[] args) =>
        await RunAsync(database.Configuration(), stdin, args);

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> configuration, string stdin, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await RightscopeCli.RunAsync(args, new CliIo(new StringReader(stdin), output, error), configuration);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliResult> CreateOwnerAsync(TestDatabase database, string email, string org, string kind = "investor", string password = TestData.Password) =>
        RunAsync(database, password + "\n", "admin", "create", "--email", email, "--org", org, "--org-kind", kind, "--password-stdin");

    public static async Task<T> WithDbAsync<T>(TestDatabase database, Func<RightscopeDbContext, IServiceProvider, Task<T>> body)
    {
        await using var services = CliServices.Build(database.Configuration());
        await using var scope = services.CreateAsyncScope();
        return await body(scope.ServiceProvider.GetRequiredService<RightscopeDbContext>(), scope.ServiceProvider);
    }

    public static Task ExecuteSqlAsync(TestDatabase database, string sql) =>
        WithDbAsync(database, async (db, _) => await db.Database.ExecuteSqlRawAsync(sql));

    /// <summary>Users, organizations, memberships and audit entries, across all organizations.</summary>
    public static Task<(int Users, int Organizations, int Memberships, int AuditEntries)> CountAsync(TestDatabase database) =>
        WithDbAsync(database, async (db, _) => (
            await db.Users.CountAsync(),
            await db.Organizations.CountAsync(),
            await db.Memberships.IgnoreQueryFilters().CountAsync(),
            await db.AuditEntries.IgnoreQueryFilters().CountAsync()));
}
