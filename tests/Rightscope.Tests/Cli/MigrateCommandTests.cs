using Rightscope.Cli;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed class MigrateCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Migrate_applies_migrations_once_and_then_reports_up_to_date(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var first = await Cli.RunAsync(database, "", "migrate");
        var second = await Cli.RunAsync(database, "", "migrate");

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Contains("Applied", first.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, second.ExitCode);
        Assert.Contains("up to date", second.Out, StringComparison.Ordinal);
        Assert.Equal("", second.Error);
    }
}
