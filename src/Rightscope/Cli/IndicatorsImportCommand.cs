using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Indicators;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Indicators;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope import indicators</c>: reads an indicator CSV file, prints every issue as <c>FILE:LINE: FIELD: message</c>,
/// and writes the dataset (all or nothing unless <c>--skip-bad-rows</c>), replacing a dataset of the same name. The
/// dataset is a draft until published; <c>--publish</c> publishes it in the same run, audited like the web publication.
/// </summary>
public static class IndicatorsImportCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "The dataset's name; a dataset of that name is replaced.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The indicator file (.csv, UTF-8).", Required = true };
        var map = new Option<string[]>("--map")
        {
            Description = "A column mapping entry SOURCE=FIELD (repeatable), e.g. iso3=country.",
            AllowMultipleArgumentsPerToken = true,
        };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Write the good rows and list the bad ones, instead of writing nothing." };
        var publish = new Option<bool>("--publish") { Description = "Publish the dataset once written (otherwise it stays a draft that the pages do not show)." };
        var command = new Command("indicators", "Import an indicator dataset (indicator, country, year, value, breakdowns) from a CSV file.")
        {
            org, dataset, file, map, skip, publish,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return io.Fail($"--file: {path.FullName} does not exist.");
            }

            var name = parse.GetValue(dataset)!.Trim();
            if (name.Length is 0 or > IndicatorDataset.NameMaxLength)
            {
                return io.Fail($"--dataset: give a name of 1 to {IndicatorDataset.NameMaxLength} characters.");
            }

            // Messages of the command line are in English, whatever the machine's language.
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
            await using var services = CliServices.Build(configuration);
            await using var scope = services.CreateAsyncScope();
            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<IndicatorsText>>();
            var mappingIssues = new List<IndicatorIssue>();
            var mapping = IndicatorImport.ParseMapping(parse.GetValue(map) ?? [], mappingIssues);
            if (mappingIssues.Count > 0)
            {
                return io.Fail($"--map: {string.Join(" ", mappingIssues.Select(i => text["Issue.BadMapping", i.Value].Value))}");
            }

            var db = scope.ServiceProvider.GetRequiredService<RightscopeDbContext>();
            var slug = parse.GetValue(org)!;
            var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken);
            if (organization is null)
            {
                return io.Fail($"--org: no organization has the slug '{slug}'.");
            }

            scope.ServiceProvider.GetRequiredService<TenantScope>().Enter(organization.Id);
            var catalog = scope.ServiceProvider.GetRequiredService<IndicatorCatalog>();
            IndicatorImportResult report;
            await using (var stream = path.OpenRead())
            {
                report = IndicatorImport.Read(stream, catalog, mapping, parse.GetValue(skip), cancellationToken);
            }

            io.Out.WriteLine($"read {report.RowsRead:N0} rows of {path.Name}");
            foreach (var issue in report.Issues)
            {
                io.Error.WriteLine(IndicatorMessages.Line(text, path.Name, issue));
            }

            if (report.IssuesOmitted > 0)
            {
                io.Error.WriteLine($"{path.Name}: {report.IssuesOmitted} more issue(s) not listed.");
            }

            if (!report.CanWrite)
            {
                return io.Fail(report.BadRows > 0
                    ? $"{path.Name}: {report.BadRows} of {report.RowsRead} row(s) have errors; nothing was written (fix them, or pass --skip-bad-rows to write the good rows)."
                    : $"{path.Name}: the file cannot be imported; nothing was written.");
            }

            var datasets = scope.ServiceProvider.GetRequiredService<IndicatorDatasets>();
            var outcome = await datasets.WriteAsync(organization.Id, AuditActor.CommandLine(), name, path.Name, report, cancellationToken);
            io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(outcome.Replaced ? "Replaced" : "Imported")} dataset '{name}': {report.Rows.Count} value(s), {outcome.Dataset.CountryCount} countries, {outcome.Dataset.FirstYear}–{outcome.Dataset.LastYear}; {report.BadRows} bad row(s) skipped."));
            if (parse.GetValue(publish))
            {
                await datasets.SetPublishedAsync(outcome.Dataset, true, AuditActor.CommandLine(), cancellationToken);
                io.Out.WriteLine($"Published dataset '{name}': its values are shown on the indicator, index and country pages of {slug}.");
            }
            else
            {
                io.Out.WriteLine($"Dataset '{name}' is a draft: the pages do not show it until it is published at /o/{slug}/indicators/datasets/{outcome.Dataset.Id} (or imported again with --publish).");
            }

            return ExitCodes.Success;
        }));
        return command;
    }
}
