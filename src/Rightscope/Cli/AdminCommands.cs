using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Organizations;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;

namespace Rightscope.Cli;

/// <summary><c>rightscope admin create|reset-password</c>: account administration for scripted installs.</summary>
public static class AdminCommands
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var admin = new Command("admin", "Create owners and reset passwords from the command line.");
        admin.Subcommands.Add(CreateOwner(io, configuration));
        admin.Subcommands.Add(ResetPassword(io, configuration));
        return admin;
    }

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input (required, so that it never appears in the process list or shell history).",
        Required = true,
    };

    private static Command CreateOwner(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the new owner; it is also the sign-in name.", Required = true };
        var org = new Option<string>("--org") { Description = "Slug of the organization; created if it does not exist.", Required = true };
        var kind = new Option<string>("--org-kind") { Description = $"Kind of the organization: {string.Join(", ", OrganizationKinds.Codes)}.", Required = true };
        var orgName = new Option<string?>("--org-name") { Description = "Display name of a new organization (default: the slug)." };
        var name = new Option<string?>("--name") { Description = "Display name of the new owner (default: the e-mail address)." };
        var passwordStdin = PasswordStdinOption();

        var command = new Command("create", "Create a user who owns an organization (and the organization, if new).")
        {
            email, org, kind, orgName, name, passwordStdin,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            if (!OrganizationKinds.TryParse(parse.GetValue(kind), out var organizationKind))
            {
                return io.Fail($"--org-kind: unknown organization kind '{parse.GetValue(kind)}'; use one of {string.Join(", ", OrganizationKinds.Codes)}.");
            }

            var password = ReadPassword(io);
            if (password is null)
            {
                return io.Fail("--password-stdin: standard input is empty; pipe the password in, e.g. `printf '%s\\n' \"$PASSWORD\" | rightscope admin create …`.");
            }

            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(cancellationToken);
            var slug = parse.GetValue(org)!.Trim();
            var result = await scope.ServiceProvider.GetRequiredService<OrganizationProvisioner>().CreateOwnerAsync(
                new NewOrganization(slug, parse.GetValue(orgName) ?? slug, organizationKind),
                new NewOwner(parse.GetValue(email)!, parse.GetValue(name) ?? "", password),
                AuditActor.CommandLine(),
                allowExistingOrganization: true,
                cancellationToken);
            if (!result.Succeeded)
            {
                var first = result.Errors[0];
                // The provisioner names form fields; on the command line the password arrives through --password-stdin.
                var option = first.Field == "password" ? "password-stdin" : first.Field;
                return io.Fail($"--{option}: {first.Message}");
            }

            io.Out.WriteLine($"Created {result.User!.Email}, owner of {result.Organization!.Slug} ({result.Organization.Kind.ToCode()}).");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ResetPassword(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var email = new Option<string>("--email") { Description = "E-mail address of the account.", Required = true };
        var passwordStdin = PasswordStdinOption();
        var command = new Command("reset-password", "Set a new password for an account; also ends its lockout and signs it out everywhere.")
        {
            email, passwordStdin,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var password = ReadPassword(io);
            if (password is null)
            {
                return io.Fail("--password-stdin: standard input is empty; pipe the new password in.");
            }

            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var provider = scope.ServiceProvider;
            var users = provider.GetRequiredService<UserManager<User>>();
            var db = provider.GetRequiredService<RightscopeDbContext>();
            var user = await users.FindByEmailAsync(parse.GetValue(email)!.Trim());
            if (user is null)
            {
                return io.Fail($"--email: no account has the e-mail address {parse.GetValue(email)}.");
            }

            foreach (var validator in users.PasswordValidators)
            {
                var check = await validator.ValidateAsync(users, user, password);
                if (!check.Succeeded)
                {
                    return io.Fail($"--password-stdin: {check.Errors.First().Description}");
                }
            }

            // The token comes from data protection, which may have to create and store its first key through a
            // context of its own; on SQLite that write would wait for our open transaction, so it happens first.
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var reset = await users.ResetPasswordAsync(user, token, password);
            if (!reset.Succeeded)
            {
                return io.Fail($"--password-stdin: {reset.Errors.First().Description}");
            }

            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            await users.UpdateSecurityStampAsync(user);
            await provider.GetRequiredService<AuditTrail>().SaveChangesAsync(
                new AuditRecord(null, AuditActor.CommandLine(), "account.password-reset", "user", user.Id.ToString("N"), $"password of {user.Email} reset; lockout cleared"),
                cancellationToken);
            io.Out.WriteLine($"The password of {user.Email} was reset.");
            if (await db.HandlerKeys.AnyAsync(k => k.UserId == user.Id, cancellationToken))
            {
                // The case key is wrapped by the old password, which this command cannot know.
                io.Out.WriteLine(
                    $"Warning: {user.Email} has case keys. Their case key is still protected by the old password; " +
                    "they must unlock with their recovery key before they can read cases.");
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static string? ReadPassword(CliIo io)
    {
        var line = io.In.ReadLine();
        return string.IsNullOrEmpty(line) ? null : line.TrimEnd('\r');
    }
}
