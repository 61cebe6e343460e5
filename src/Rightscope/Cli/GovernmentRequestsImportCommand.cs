using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Transparency;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope import government-requests</c>: reads a CSV of individual requests or of aggregated counts, prints every
/// issue as <c>FILE:LINE: FIELD: message</c>, and writes all lines with one audit entry (nothing unless every line is
/// good, or <c>--skip-bad-rows</c>).
/// </summary>
public static class GovernmentRequestsImportCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The CSV file (columns in docs/transparency-schema.md).", Required = true };
        var kind = new Option<string?>("--kind") { Description = "requests or aggregates (default: decided by the columns)." };
        kind.AcceptOnlyFromAmong("requests", "aggregates");
        var map = new Option<string[]>("--map")
        {
            Description = "A column mapping entry SOURCE=FIELD (repeatable; FIELD '-' ignores a column).",
            AllowMultipleArgumentsPerToken = true,
        };
        var countryMap = new Option<string[]>("--country-map")
        {
            Description = "Map a non-ISO country value FROM=TO, TO an ISO 3166-1 code or 'none' (repeatable), e.g. UK=GB, Global=none.",
            AllowMultipleArgumentsPerToken = true,
        };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Write the good lines and list the bad ones, instead of writing nothing." };
        var command = new Command("government-requests", "Import government requests, or aggregated counts of transparency reports published before, from a CSV file.")
        {
            org, file, kind, map, countryMap, skip,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return io.Fail($"--file: {path.FullName} does not exist.");
            }

            var countries = CountryMap.Parse(parse.GetValue(countryMap) ?? []);
            if (countries.Errors.Count > 0)
            {
                return io.Fail($"--country-map: '{countries.Errors[0]}' is not FROM=TO with TO an ISO 3166-1 code or 'none'.");
            }

            // Messages of the command line are in English, whatever the machine's language.
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

            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization.Id);
            var options = new TransparencyImportOptions
            {
                Kind = parse.GetValue(kind) switch { "requests" => ImportKind.Requests, "aggregates" => ImportKind.Aggregates, _ => null },
                Mapping = parse.GetValue(map) ?? [],
                CountryMap = countries,
                SkipBadRows = parse.GetValue(skip),
            };
            TransparencyImportResult result;
            await using (var stream = path.OpenRead())
            {
                result = TransparencyImport.Read(stream, options);
            }

            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"read {result.RowsRead} line(s) of {path.Name}"));
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<TransparencyText>>();
            foreach (var issue in result.Issues)
            {
                io.Error.WriteLine(TransparencyReports.Line(text, path.Name, issue));
            }

            if (!result.CanWrite(options.SkipBadRows))
            {
                return io.Fail(result.BadRows > 0 && !result.FileFailed
                    ? $"{path.Name}: {result.BadRows} of {result.RowsRead} line(s) have errors; nothing was written (fix them, or pass --skip-bad-rows to write the good lines)."
                    : $"{path.Name}: the file cannot be imported ({result.Issues.Count} error(s)); nothing was written.");
            }

            var outcome = await scope.ServiceProvider.GetRequiredService<TransparencyReports>().WriteImportAsync(
                organization.Id, AuditActor.CommandLine(), null, path.Name, result, cancellationToken);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Imported {TransparencyCodes.Code(outcome.Kind)} into {slug}: {outcome.RequestsAdded} request(s) added, {outcome.AggregatesAdded} count(s) added, {outcome.AggregatesReplaced} count(s) replaced; {outcome.BadRowsSkipped} bad line(s) skipped."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
