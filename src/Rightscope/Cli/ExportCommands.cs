using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Data;
using Rightscope.Features.Decisions;
using Rightscope.Features.Portfolios;

namespace Rightscope.Cli;

/// <summary><c>rightscope export portfolio</c> and <c>rightscope export exclusions</c>.</summary>
public static class ExportCommands
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var portfolio = new Option<string>("--portfolio") { Description = "The portfolio's name.", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The snapshot's date, YYYY-MM-DD (default: the latest)." };
        var format = new Option<string>("--format") { Description = "csv, xlsx or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "xlsx", "json");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output; required for xlsx)." };
        var command = new Command("portfolio", "Export a portfolio snapshot's holdings with each company's current tier, recorded decision, recommended decision and assessment date.")
        {
            org, portfolio, asOf, format, output,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            DateOnly? date = null;
            if (parse.GetValue(asOf) is { } asOfText)
            {
                if (!DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
                {
                    return io.Fail($"--as-of: '{asOfText}' is not a date in the form YYYY-MM-DD.");
                }

                date = parsed;
            }

            var kind = Enum.Parse<ExportFormat>(parse.GetValue(format)!, ignoreCase: true);
            var target = parse.GetValue(output);
            if (kind == ExportFormat.Xlsx && target is null)
            {
                return io.Fail("--out: an XLSX export needs a file to write.");
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
            var name = parse.GetValue(portfolio)!.Trim();
            var found = await db.Portfolios.AsNoTracking().SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
            if (found is null)
            {
                return io.Fail($"--portfolio: {slug} has no portfolio named '{name}'.");
            }

            var document = await scope.ServiceProvider.GetRequiredService<PortfolioExport>().LoadAsync(found, date, cancellationToken);
            if (document is null)
            {
                return io.Fail(date is { } day
                    ? $"--as-of: portfolio '{name}' has no snapshot as of {day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}."
                    : $"portfolio '{name}' has no snapshot yet; import holdings first.");
            }

            if (target is null)
            {
                using var buffer = new MemoryStream();
                PortfolioExport.Write(document, kind, buffer);
                await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                await io.Out.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            await using (var stream = target.Create())
            {
                PortfolioExport.Write(document, kind, stream);
            }

            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {document.Holdings.Count} holding(s) of '{name}' as of {document.AsOf:yyyy-MM-dd} to {target.FullName}."));
            return ExitCodes.Success;
        }));

        return new Command("export", "Export data to files.") {
            command,
            Exclusions(io, configuration),
            TransparencyExportCommand.Create(io, configuration),
            HumanRightsReportCommand.Create(io, configuration),
        };
    }

    /// <summary><c>rightscope export exclusions</c>: the exclusion list for order-management systems (columns in README).</summary>
    private static Command Exclusions(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var format = new Option<string>("--format") { Description = "csv or json.", Required = true };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<FileInfo?>("--out") { Description = "The file to write (default: standard output)." };
        var command = new Command("exclusions", "Export the exclusion list: companies whose current approved decision is to exclude, with mode, effective date and divest-by date.")
        {
            org, format, output,
        };
        command.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            ExclusionList.TryParseFormat(parse.GetValue(format), out var kind);
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
            var document = await scope.ServiceProvider.GetRequiredService<ExclusionList>().LoadAsync(organization.Slug, cancellationToken);
            var target = parse.GetValue(output);
            if (target is null)
            {
                using var buffer = new MemoryStream();
                ExclusionList.Write(document, kind, buffer);
                await io.Out.WriteAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
                await io.Out.FlushAsync(cancellationToken);
                return ExitCodes.Success;
            }

            await using (var stream = target.Create())
            {
                ExclusionList.Write(document, kind, stream);
            }

            io.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {document.Exclusions.Count} exclusion(s) of {slug} to {target.FullName}."));
            return ExitCodes.Success;
        }));
        return command;
    }
}
