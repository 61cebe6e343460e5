using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rightscope.Cli;
using Rightscope.Features.Accounts;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Cli;

public sealed class AdminCommandTests
{
    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_makes_an_organization_with_its_owner_and_org_list_shows_it(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var created = await Cli.CreateOwnerAsync(database, "owner@example.org", "acme-capital", "investor");

        Assert.Equal(ExitCodes.Success, created.ExitCode);
        Assert.Equal("", created.Error);
        Assert.Contains("owner@example.org", created.Out, StringComparison.Ordinal);
        var list = await Cli.RunAsync(database, "", "org", "list");
        Assert.Equal(ExitCodes.Success, list.ExitCode);
        var row = Assert.Single(list.Out.Split('\n'), l => l.StartsWith("acme-capital ", StringComparison.Ordinal));
        Assert.Matches(@"^acme-capital\s+investor\s+1\s+acme-capital\s*$", row);
        var (users, organizations, memberships, auditEntries) = await Cli.CountAsync(database);
        Assert.Equal((1, 1, 1, 1), (users, organizations, memberships, auditEntries));
        var entry = await Cli.WithDbAsync(database, (db, _) => db.AuditEntries.IgnoreQueryFilters().SingleAsync());
        Assert.Equal("organization.created", entry.Action);
        Assert.StartsWith("cli:", entry.Actor, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_with_a_taken_email_fails_naming_email_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "first-org")).AssertSucceeded();
        var before = await Cli.CountAsync(database);

        var result = await Cli.CreateOwnerAsync(database, "owner@example.org", "second-org");

        result.AssertFailedWith("--email");
        Assert.Equal(before, await Cli.CountAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_with_a_short_password_fails_naming_the_password_option_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.RunAsync(database, "", "migrate")).AssertSucceeded();
        var before = await Cli.CountAsync(database);

        var result = await Cli.CreateOwnerAsync(database, "owner@example.org", "acme", password: "short");

        result.AssertFailedWith("--password-stdin", "12");
        Assert.Equal(before, await Cli.CountAsync(database));
        Assert.Equal((0, 0, 0, 0), before);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_with_an_unknown_org_kind_fails_naming_the_option(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Cli.CreateOwnerAsync(database, "owner@example.org", "acme", kind: "bank");

        result.AssertFailedWith("--org-kind", "'bank'", "investor");
        (await Cli.RunAsync(database, "", "migrate")).AssertSucceeded();
        Assert.Equal((0, 0, 0, 0), await Cli.CountAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_with_empty_standard_input_fails_naming_password_stdin(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Cli.RunAsync(database, "", "admin", "create", "--email", "owner@example.org", "--org", "acme", "--org-kind", "investor", "--password-stdin");

        result.AssertFailedWith("--password-stdin", "empty");
        (await Cli.RunAsync(database, "", "migrate")).AssertSucceeded();
        Assert.Equal((0, 0, 0, 0), await Cli.CountAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Admin_create_with_a_bad_slug_fails_naming_org(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var result = await Cli.CreateOwnerAsync(database, "owner@example.org", "Not A Slug");

        result.AssertFailedWith("--org");
        Assert.Equal((0, 0, 0, 0), await Cli.CountAsync(database));
    }

    [Fact]
    public async Task Help_exits_zero_and_lists_the_commands()
    {
        var root = await Cli.RunAsync(new Dictionary<string, string?>(), "", "--help");
        var admin = await Cli.RunAsync(new Dictionary<string, string?>(), "", "admin", "--help");
        var audit = await Cli.RunAsync(new Dictionary<string, string?>(), "", "audit", "verify", "--help");

        Assert.Equal(ExitCodes.Success, root.ExitCode);
        foreach (var command in new[] { "serve", "migrate", "admin", "org", "audit" })
        {
            Assert.Matches($@"(?m)^\s+{command}\s", root.Out);
        }

        Assert.Equal(ExitCodes.Success, admin.ExitCode);
        Assert.Contains("create", admin.Out, StringComparison.Ordinal);
        Assert.Contains("reset-password", admin.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, audit.ExitCode);
        Assert.Contains("--checkpoint", audit.Out, StringComparison.Ordinal);
        Assert.Contains("--org", audit.Out, StringComparison.Ordinal);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Reset_password_sets_a_password_that_signs_in_and_is_audited(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "acme")).AssertSucceeded();
        const string newPassword = "a brand new passphrase";

        var result = await Cli.RunAsync(database, newPassword + "\r\n", "admin", "reset-password", "--email", "owner@example.org", "--password-stdin");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Equal("", result.Error);
        var (acceptsNew, acceptsOld, action) = await Cli.WithDbAsync(database, async (db, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            var user = await users.FindByEmailAsync("owner@example.org");
            Assert.NotNull(user);
            var lastSystemEntry = await db.AuditEntries.IgnoreQueryFilters()
                .Where(e => e.OrganizationId == null).OrderByDescending(e => e.Sequence).FirstAsync();
            return (await users.CheckPasswordAsync(user, newPassword), await users.CheckPasswordAsync(user, TestData.Password), lastSystemEntry.Action);
        });
        Assert.True(acceptsNew);
        Assert.False(acceptsOld);
        Assert.Equal("account.password-reset", action);
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Reset_password_for_an_unknown_email_fails_naming_email_and_writes_nothing(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "acme")).AssertSucceeded();
        var before = await Cli.CountAsync(database);

        var result = await Cli.RunAsync(database, "a brand new passphrase\n", "admin", "reset-password", "--email", "nobody@example.org", "--password-stdin");

        result.AssertFailedWith("--email", "nobody@example.org");
        Assert.Equal(before, await Cli.CountAsync(database));
    }

    [Theory]
    [ClassData(typeof(ProviderData))]
    public async Task Reset_password_with_a_short_password_fails_and_keeps_the_old_one(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        (await Cli.CreateOwnerAsync(database, "owner@example.org", "acme")).AssertSucceeded();

        var result = await Cli.RunAsync(database, "short\n", "admin", "reset-password", "--email", "owner@example.org", "--password-stdin");

        result.AssertFailedWith("--password-stdin");
        var acceptsOld = await Cli.WithDbAsync(database, async (_, services) =>
        {
            var users = services.GetRequiredService<UserManager<User>>();
            return await users.CheckPasswordAsync((await users.FindByEmailAsync("owner@example.org"))!, TestData.Password);
        });
        Assert.True(acceptsOld);
    }
}
