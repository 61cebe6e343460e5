using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Money;
using Rightscope.Core.Portfolios.Import;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Portfolios;
using Spectre.Console;

namespace Rightscope.Cli;

/// <summary>
/// <c>rightscope import holdings</c>: reads a CSV or XLSX file of holdings, prints every issue as
/// <c>FILE:LINE: COLUMN: message</c>, and writes one snapshot (all or nothing unless <c>--skip-bad-rows</c>).
/// </summary>
public static class ImportCommands
{
    public static Command Create(CliIo io, IReadOnlyDictionary<string, string?>? configuration)
    {
        var org = new Option<string>("--org") { Description = "The organization (slug).", Required = true };
        var portfolio = new Option<string>("--portfolio") { Description = "The portfolio's name; created if it does not exist.", Required = true };
        var file = new Option<FileInfo>("--file") { Description = "The holdings file (.csv or .xlsx).", Required = true };
        var asOf = new Option<string?>("--as-of") { Description = "The snapshot's date, YYYY-MM-DD (default: today, UTC)." };
        var map = new Option<string[]>("--map")
        {
            Description = "A column mapping entry SOURCE=FIELD (repeatable; FIELD '-' ignores a column). Saved on the portfolio; without --map the saved mapping is used.",
            AllowMultipleArgumentsPerToken = true,
        };
        var sheet = new Option<string?>("--sheet") { Description = "The XLSX sheet to read (default: the first)." };
        var skip = new Option<bool>("--skip-bad-rows") { Description = "Write the good rows and list the bad ones, instead of writing nothing." };
        var replace = new Option<bool>("--replace") { Description = "Replace the portfolio's snapshot of that date when it holds other holdings." };
        var baseCurrency = new Option<string?>("--base-currency") { Description = "Base currency of a new portfolio (default: the file's most common currency, else USD)." };
        var holdings = new Command("holdings", "Import a dated snapshot of a portfolio's holdings from a CSV or XLSX file.")
        {
            org, portfolio, file, asOf, map, sheet, skip, replace, baseCurrency,
        };
        holdings.SetAction(async (parse, cancellationToken) => await RightscopeCli.Guarded(io, async () =>
        {
            var date = DateOnly.FromDateTime(DateTime.UtcNow);
            if (parse.GetValue(asOf) is { } asOfText && !DateOnly.TryParseExact(asOfText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            {
                return io.Fail($"--as-of: '{asOfText}' is not a date in the form YYYY-MM-DD.");
            }

            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                return io.Fail($"--file: {path.FullName} does not exist.");
            }

            var name = parse.GetValue(portfolio)!.Trim();
            if (name.Length is 0 or > Portfolio.NameMaxLength)
            {
                return io.Fail($"--portfolio: give a name of 1 to {Portfolio.NameMaxLength} characters.");
            }

            string? currencyCode = null;
            if (parse.GetValue(baseCurrency) is { } currencyText)
            {
                if (!Currency.TryParse(currencyText, out var currency))
                {
                    return io.Fail($"--base-currency: '{currencyText}' is not an ISO 4217 currency code in use.");
                }

                currencyCode = currency.Code;
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
            var target = await db.Portfolios.SingleOrDefaultAsync(p => p.Name == name, cancellationToken);
            var entries = parse.GetValue(map) ?? [];
            var mappingText = entries.Length > 0 ? string.Join('\n', entries) : target?.ColumnMapping;
            if (entries.Length == 0 && mappingText is not null)
            {
                io.Out.WriteLine($"Using the column mapping saved on portfolio '{name}'.");
            }

            var options = new HoldingsImportOptions
            {
                Mapping = mappingText is null ? ColumnMapping.None : ColumnMapping.Parse(mappingText),
                SheetName = parse.GetValue(sheet),
                SkipBadRows = parse.GetValue(skip),
            };
            var report = Read(io, path, options, cancellationToken);

            var text = scope.ServiceProvider.GetRequiredService<IStringLocalizer<PortfoliosText>>();
            foreach (var issue in report.Issues)
            {
                io.Error.WriteLine(ImportMessages.Line(text, path.Name, issue));
            }

            if (report.IssuesOmitted > 0)
            {
                io.Error.WriteLine($"{path.Name}: {report.IssuesOmitted} more issue(s) not listed.");
            }

            var errors = report.Issues.Count(i => i.Severity == IssueSeverity.Error) + report.IssuesOmitted;
            if (!report.CanWrite)
            {
                return io.Fail(report.BadRows > 0
                    ? $"{path.Name}: {report.BadRows} of {report.RowsRead} row(s) have errors; nothing was written (fix them, or pass --skip-bad-rows to write the good rows)."
                    : $"{path.Name}: the file cannot be imported ({errors} error(s)); nothing was written.");
            }

            target ??= new Portfolio
            {
                Name = name,
                BaseCurrency = currencyCode ?? report.Rows.Where(r => r.Currency is not null).GroupBy(r => r.Currency!.Code)
                    .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).FirstOrDefault() ?? "USD",
            };
            var outcome = await scope.ServiceProvider.GetRequiredService<HoldingsImport>().WriteAsync(
                organization.Id, AuditActor.CommandLine(), target, date, path.Name, report,
                entries.Length > 0 ? mappingText : null, parse.GetValue(replace), cancellationToken);
            var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            switch (outcome.Status)
            {
                case HoldingsImportStatus.AlreadyImported:
                    io.Out.WriteLine($"Portfolio '{name}' already has these holdings as of {day} (same fingerprint); nothing was written.");
                    return ExitCodes.Success;
                case HoldingsImportStatus.DateTaken:
                    return io.Fail($"portfolio '{name}' already has a different snapshot as of {day}; nothing was written (pass --replace to replace it).");
                default:
                    if (outcome.PortfolioCreated)
                    {
                        io.Out.WriteLine($"Portfolio '{name}' did not exist and was created (base currency {target.BaseCurrency}).");
                    }

                    io.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(outcome.Status == HoldingsImportStatus.Replaced ? "Replaced" : "Imported")} {report.Rows.Count} holding(s) into '{name}' as of {day}: {outcome.Matched} matched to the registry, {outcome.Unmatched} unmatched; {report.BadRows} bad row(s) skipped."));
                    return ExitCodes.Success;
            }
        }));

        return new Command("import", "Import data from files.") {
            holdings,
            GovernmentRequestsImportCommand.Create(io, configuration),
            BenchmarkImportCommand.Create(io, configuration),
            IndicatorsImportCommand.Create(io, configuration),
        };
    }

    /// <summary>Runs the importer with a progress bar on a terminal and plain progress lines otherwise.</summary>
    private static HoldingsImportResult Read(CliIo io, FileInfo path, HoldingsImportOptions options, CancellationToken cancellationToken)
    {
        using var stream = path.OpenRead();
        var terminal = ReferenceEquals(io.Out, Console.Out) && !Console.IsOutputRedirected;
        if (!terminal)
        {
            var next = 10_000;
            var plain = new SyncProgress(rows =>
            {
                if (rows >= next)
                {
                    io.Out.WriteLine($"read {rows:N0} rows ({Percent(stream)})");
                    next = (rows / 10_000 + 1) * 10_000;
                }
            });
            var result = HoldingsImport.Read(stream, options with { Progress = plain }, cancellationToken);
            io.Out.WriteLine($"read {result.RowsRead:N0} rows of {path.Name}");
            return result;
        }

        HoldingsImportResult? read = null;
        AnsiConsole.Progress().Start(context =>
        {
            var task = context.AddTask($"Reading {Markup.Escape(path.Name)}", maxValue: Math.Max(1, stream.Length));
            read = HoldingsImport.Read(stream, options with { Progress = new SyncProgress(_ => task.Value = stream.Position) }, cancellationToken);
            task.Value = task.MaxValue;
        });
        io.Out.WriteLine($"read {read!.RowsRead:N0} rows of {path.Name}");
        return read;
    }

    private static string Percent(Stream stream) =>
        stream.Length == 0 ? "100%" : (stream.Position / (double)stream.Length).ToString("P0", CultureInfo.InvariantCulture);

    // Progress<T> would post to the thread pool; the bar and the lines must follow the reader synchronously.
    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
