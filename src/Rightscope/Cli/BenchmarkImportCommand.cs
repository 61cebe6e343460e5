using System.CommandLine;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Benchmark;
using Rightscope.Data;
using Rightscope.Features.Accounts;
using Rightscope.Features.Audit;
using Rightscope.Features.Benchmark;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope import benchmark</c>: reads benchmark results (element answers or indicator scores) from CSV, prints
/// every issue as <c>FILE:LINE: FIELD: message</c>, and writes a draft edition (all or nothing unless <c>--skip-bad-rows</c>).
/// A row's <c>lei</c> or <c>isin</c> names its registry company; a company without them is matched by name.
/// The import is made in the name of a member (<c>--as</c>) so that four eyes hold: that member cannot approve it.
/// </summary>
public static class BenchmarkImportCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The publishing organization (slug).", Required = true };
        var edition = new Option<string>("--edition") { Description = "The new edition's name, e.g. \"Digital rights benchmark 2026\".", Required = true };
        var methodology = new Option<string>("--methodology") { Description = "The methodology, KEY@VERSION (e.g. digital-rights-benchmark@1.0.0).", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The results file (.csv).", Required = true };
        var level = new Option<string>("--level") { Description = "element (company, service, indicator, element, answer) or indicator (company, service, indicator, score); either may add lei and isin.", DefaultValueFactory = _ => "element" };
        var year = new Option<int?>("--year") { Description = "The edition's year (default: a year in the name, else this year)." };
        var map = new Option<string[]>("--map")
        {
            Description = "A column mapping entry SOURCE=FIELD (repeatable); fields: company, service, indicator, element, answer, score, lei, isin.",
            AllowMultipleArgumentsPerToken = true,
        };
        var importer = new Option<string>("--as")
        {
            Description = "The e-mail address of the member making the import (owner or analyst of --org); another member approves it.",
            Required = true,
        };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Write the good rows and list the bad ones, instead of writing nothing." };
        var command = new Command("benchmark", "Import benchmark results from CSV as a draft edition for review.")
        {
            org, edition, methodology, file, importer, level, year, map, skip,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return io.Fail($"--file: {path.FullName} does not exist.");
            }

            var name = parse.GetValue(edition)!.Trim();
            if (name.Length is 0 or > BenchmarkEdition.NameMaxLength)
            {
                return io.Fail($"--edition: give a name of 1 to {BenchmarkEdition.NameMaxLength} characters.");
            }

            var importLevel = parse.GetValue(level) switch
            {
                "element" => BenchmarkImportLevel.Element,
                "indicator" => BenchmarkImportLevel.Indicator,
                _ => (BenchmarkImportLevel?)null,
            };
            if (importLevel is null)
            {
                return io.Fail($"--level: '{parse.GetValue(level)}' is neither element nor indicator.");
            }

            var editionYear = parse.GetValue(year) ?? BenchmarkEditions.YearIn(name) ?? DateTime.UtcNow.Year;
            if (editionYear is < 1990 or > 2200)
            {
                return io.Fail($"--year: {editionYear} is not a plausible year.");
            }

            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var slug = parse.GetValue(org)!;
            var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
            if (organization is null)
            {
                return io.Fail($"--org: no organization has the slug '{slug}'.");
            }

            var email = parse.GetValue(importer)!.Trim();
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByEmailAsync(email);
            var role = user is null ? null : await db.Memberships.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.OrganizationId == organization.Id && m.UserId == user.Id).Select(m => (Role?)m.Role).FirstOrDefaultAsync(cancellationToken);
            if (user is null || role is null)
            {
                return io.Fail($"--as: {email} is not a member of {slug}; nothing was written.");
            }

            if (!role.Value.Grants(Permission.EditWorkspace))
            {
                return io.Fail($"--as: {email} is {role.Value.ToCode()} of {slug} and may not import; an owner or analyst imports (nothing was written).");
            }

            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization.Id);
            var editions = scope.ServiceProvider.GetRequiredService<BenchmarkEditions>();
            var methodologyId = parse.GetValue(methodology)!;
            var found = await editions.MethodologyAsync(methodologyId, cancellationToken);
            if (found is null || !methodologyId.Contains('@', StringComparison.Ordinal))
            {
                return io.Fail($"--methodology: '{methodologyId}' is not KEY@VERSION of a methodology available to {slug}.");
            }

            BenchmarkImportResult read;
            await using (var stream = path.OpenRead())
            {
                read = BenchmarkImportReader.Read(stream, found, importLevel.Value, parse.GetValue(map) ?? []);
            }

            io.Out.WriteLine($"read {read.RowsRead:N0} rows of {path.Name}");
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<BenchmarkText>>();
            foreach (var issue in read.Issues)
            {
                io.Error.WriteLine(BenchmarkMessages.Line(text, path.Name, issue));
            }

            if (!read.CanWrite(parse.GetValue(skip)))
            {
                return io.Fail(read.BadRows > 0 && !read.FileIssues
                    ? $"{path.Name}: {read.BadRows} of {read.RowsRead} row(s) have errors; nothing was written (fix them, or pass --skip-bad-rows to write the good rows)."
                    : $"{path.Name}: the file cannot be imported ({read.Issues.Count} error(s)); nothing was written.");
            }

            var outcome = await editions.ImportAsync(
                organization.Id, AuditActor.Person(user.Id, user.Email), user.Id, name, editionYear, found, importLevel.Value, read, path.Name, cancellationToken);
            if (outcome.Error == BenchmarkImportOutcome.Ambiguous)
            {
                return io.Fail($"{path.Name}: company: \"{outcome.AmbiguousCompany}\" matches {outcome.Matches} companies in the registry of {slug}; merge or rename them so that it names one; nothing was written.");
            }

            if (outcome.Error == BenchmarkImportOutcome.Identifiers)
            {
                foreach (var issue in outcome.Issues)
                {
                    io.Error.WriteLine(BenchmarkMessages.Line(text, path.Name, issue));
                }

                return io.Fail($"{path.Name}: {outcome.Issues.Count} company identifier(s) do not match the registry of {slug}; nothing was written.");
            }

            if (outcome.Error is not null)
            {
                return io.Fail($"--edition: {slug} already has an edition named '{name}' (or with the address '{outcome.Slug}'); nothing was written.");
            }

            if (outcome.CreatedCompanies.Count > 0)
            {
                io.Out.WriteLine($"Not in the registry of {slug}, added: {string.Join(", ", outcome.CreatedCompanies)}.");
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Created draft edition '{name}' ({found.Id}, {parse.GetValue(level)} level) with {outcome.Companies} companies as {user.Email}; {read.BadRows} bad row(s) skipped. A reviewer other than {user.Email} approves it at /o/{slug}/benchmark/{outcome.EditionId}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
