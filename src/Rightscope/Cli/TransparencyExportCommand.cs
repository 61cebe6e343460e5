using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Features.Transparency;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope export transparency</c>: the transparency report of a period in the documented CSV or JSON schema
/// (docs/transparency-schema.md). A published period exports its snapshot, the numbers the public saw, even when the
/// register changed since; <c>--live</c>, or a period not published (never, or withdrawn), computes them now from the
/// register and imported counts. Which of the two was exported is said on standard error.
/// </summary>
public static class TransparencyExportCommand
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var period = new Option<string>("--period") { Description = "2024, 2024H1 or 2024H2.", Required = true };
        var format = new Option<string>("--format") { Description = "csv or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)." };
        var live = new Option<bool>("--live") { Description = "Export the figures computed now, not the published snapshot." };
        var command = new Command("transparency", "Export a period's transparency report (counts by country, request type, legal process and outcome).")
        {
            org, period, format, output, live,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var periodText = parse.GetValue(period)!;
            if (!TransparencyPeriod.TryParse(periodText, out var parsed))
            {
                return io.Fail($"--period: '{periodText}' is not a period; write a year (2024) or a half-year (2024H1, 2024H2).");
            }

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
            var reports = scope.ServiceProvider.GetRequiredService<TransparencyReports>();
            var published = parse.GetValue(live) ? null : await reports.PublishedAsync(organization.Slug, parsed.ToString(), cancellationToken);
            var document = published ?? await reports.PreviewAsync(organization, parsed, cancellationToken);
            io.Error.WriteLine(published is not null
                ? $"Exporting the report of {parsed} published at {published.PublishedAt}; --live exports the figures as they are now."
                : parse.GetValue(live)
                    ? $"Exporting the live figures of {parsed} (--live), not a published snapshot."
                    : $"No published report for {parsed}: exporting the live figures.");
            var content = parse.GetValue(format) == "json" ? document.ToJson() : document.ToCsv();
            var target = parse.GetValue(output);
            if (target is null)
            {
                await io.Out.WriteAsync(content);
                await io.Out.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            await File.WriteAllTextAsync(target.FullName, content, new System.Text.UTF8Encoding(false), cancellationToken);
            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote the {parsed} transparency report of {slug} ({document.Totals.Requests} request(s), {document.Cells.Count} cell(s)) to {target.FullName}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
