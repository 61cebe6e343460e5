using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Transparency;
using Rightscope.Data;
using Rightscope.Data.Aggregates;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Organizations;

namespace Rightscope.Features.Transparency;

/// <summary>A period of the transparency page: what the register and the imports hold for it and whether its report is published.</summary>
public sealed record PeriodRow(TransparencyPeriod Period, int Requests, int Aggregates, TransparencyReportStatus? Status, DateTime? PublishedAt);

/// <summary>What an import wrote.</summary>
public sealed record ImportOutcome(ImportKind Kind, int RequestsAdded, int AggregatesAdded, int AggregatesReplaced, int BadRowsSkipped);

/// <summary>
/// Computes transparency reports from the register and the imported aggregates (live, for the preview and exports),
/// publishes them as frozen snapshots, withdraws them, and writes imports. The caller has entered the organization's
/// tenant scope and checked the permission; every state change is saved with one audit entry.
/// </summary>
public sealed class TransparencyReports(
    RightscopeDbContext db, AuditTrail audit, TimeProvider clock, IStringLocalizer<TransparencyText> text, AggregateCache aggregates)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The period's figures from the register and the imports, kept until the organization's requests change.</summary>
    public Task<TransparencyFigures> FiguresAsync(TransparencyPeriod period, CancellationToken cancellationToken) =>
        aggregates.GetOrComputeAsync(db, AggregateArea.Transparency, $"figures|{period}", token => ComputeFiguresAsync(period, token), cancellationToken);

    private async Task<TransparencyFigures> ComputeFiguresAsync(TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var requests = await db.GovernmentRequests.AsNoTracking()
            .Where(r => r.ReceivedOn >= period.From && r.ReceivedOn <= period.To)
            .Select(r => new { r.ReceivedOn, r.CountryCode, r.Type, r.Process, r.AccountsSpecified, r.Decision })
            .ToListAsync(cancellationToken);
        var year = period.Year.ToString(CultureInfo.InvariantCulture);
        var aggregates = await db.GovernmentRequestAggregates.AsNoTracking().Where(a => a.Period.StartsWith(year)).ToListAsync(cancellationToken);
        return TransparencyFigures.Build(
            period,
            requests.Select(r => new CountedRequest(r.ReceivedOn, new CellKey(r.CountryCode, r.Type, r.Process), r.AccountsSpecified, r.Decision)),
            aggregates.Select(a => a.ToCount()));
    }

    public async Task<TransparencyDocument> PreviewAsync(Organization organization, TransparencyPeriod period, CancellationToken cancellationToken) =>
        TransparencyDocument.Create(await FiguresAsync(period, cancellationToken), organization.Slug, organization.Name, null);

    public Task<TransparencyReport?> ReportAsync(TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        return db.TransparencyReports.AsNoTracking().SingleOrDefaultAsync(r => r.Period == key, cancellationToken);
    }

    /// <summary>Every half-year and year with requests, aggregates or a report, newest first (kept until they change).</summary>
    public Task<IReadOnlyList<PeriodRow>> PeriodsAsync(CancellationToken cancellationToken) =>
        aggregates.GetOrComputeAsync(db, AggregateArea.Transparency, "periods", ComputePeriodsAsync, cancellationToken);

    private async Task<IReadOnlyList<PeriodRow>> ComputePeriodsAsync(CancellationToken cancellationToken)
    {
        var days = await db.GovernmentRequests.AsNoTracking().Select(r => r.ReceivedOn).ToListAsync(cancellationToken);
        var aggregates = await db.GovernmentRequestAggregates.AsNoTracking().Select(a => a.Period).ToListAsync(cancellationToken);
        var reports = await db.TransparencyReports.AsNoTracking().ToListAsync(cancellationToken);
        var halves = days.Select(TransparencyPeriod.HalfOf)
            .Concat(aggregates.Select(TransparencyPeriod.Parse))
            .Concat(reports.Select(r => TransparencyPeriod.Parse(r.Period)))
            .SelectMany(p => p.IsYear ? p.Halves : [p])
            .Distinct()
            .ToList();
        var periods = halves.Concat(halves.Select(h => TransparencyPeriod.OfYear(h.Year))).Distinct()
            .OrderByDescending(p => p.Year).ThenBy(p => p.Half ?? 0);
        return [.. periods.Select(p =>
        {
            var report = reports.SingleOrDefault(r => r.Period == p.ToString());
            return new PeriodRow(
                p,
                days.Count(p.Contains),
                aggregates.Count(a => p.Covers(TransparencyPeriod.Parse(a))),
                report?.Status,
                report?.PublishedAt);
        })];
    }

    /// <summary>Freezes the period's numbers as they are now and makes them public; publishing again replaces the snapshot.</summary>
    public async Task<CommandOutcome> PublishAsync(CommandActor actor, Organization organization, TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var figures = await FiguresAsync(period, cancellationToken);
        if (figures.Totals.Requests == 0)
        {
            return CommandOutcome.Refused(text["Report.NothingToPublish", period.ToString()]);
        }

        var now = Now;
        var document = TransparencyDocument.Create(figures, organization.Slug, organization.Name, now);
        var key = period.ToString();
        var report = await db.TransparencyReports.SingleOrDefaultAsync(r => r.Period == key, cancellationToken);
        var republished = report is not null;
        if (report is null)
        {
            report = new TransparencyReport { OrganizationId = actor.OrganizationId, Period = key, Snapshot = "" };
            db.TransparencyReports.Add(report);
        }

        report.Status = TransparencyReportStatus.Published;
        report.Snapshot = document.ToJson();
        report.PublishedAt = now;
        report.PublishedByUserId = actor.UserId;
        report.WithdrawnAt = null;
        report.WithdrawnByUserId = null;
        await audit.SaveChangesAsync(new AuditRecord(actor.OrganizationId, actor.Audit, "transparency-report.published", "transparency-report", key,
            string.Create(CultureInfo.InvariantCulture,
                $"period {key}; {(republished ? "replaced the snapshot" : "first publication")}; requests {figures.Totals.Requests}; cells {figures.Cells.Count}; superseded requests {figures.SupersededRequests}")),
            cancellationToken);
        return CommandOutcome.Done(report.Id);
    }

    /// <summary>Takes a published report down: the public page and exports answer 404; the snapshot stays for the record.</summary>
    public async Task<CommandOutcome> WithdrawAsync(CommandActor actor, TransparencyPeriod period, CancellationToken cancellationToken)
    {
        var key = period.ToString();
        var report = await db.TransparencyReports.SingleOrDefaultAsync(r => r.Period == key, cancellationToken);
        if (report is not { Status: TransparencyReportStatus.Published })
        {
            return CommandOutcome.Refused(text["Report.NotPublished", key]);
        }

        report.Status = TransparencyReportStatus.Withdrawn;
        report.WithdrawnAt = Now;
        report.WithdrawnByUserId = actor.UserId;
        await audit.SaveChangesAsync(new AuditRecord(actor.OrganizationId, actor.Audit, "transparency-report.withdrawn", "transparency-report", key,
            string.Create(CultureInfo.InvariantCulture, $"period {key}; published {report.PublishedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}")), cancellationToken);
        return CommandOutcome.Done(report.Id);
    }

    /// <summary>
    /// The published report of an organization for the public page and exports, across tenants (the caller is anonymous);
    /// null when the organization, the period or a published report does not exist.
    /// </summary>
    public async Task<TransparencyDocument?> PublishedAsync(string slug, string periodText, CancellationToken cancellationToken)
    {
        if (!TransparencyPeriod.TryParse(periodText, out var period))
        {
            return null;
        }

        var key = period.ToString();
        var lower = slug.ToLowerInvariant();
        var snapshot = await (
            from o in db.Organizations.AsNoTracking()
            join r in db.TransparencyReports.IgnoreQueryFilters().AsNoTracking() on o.Id equals r.OrganizationId
            where o.Slug == lower && r.Period == key && r.Status == TransparencyReportStatus.Published
            select r.Snapshot).SingleOrDefaultAsync(cancellationToken);
        return snapshot is null ? null : TransparencyDocument.FromJson(snapshot);
    }

    /// <summary>
    /// Writes the good lines of an import in one transaction with one audit entry: requests are added; an aggregate for a
    /// period and cell that already has one replaces it (so loading a corrected report again does not double it).
    /// </summary>
    public async Task<ImportOutcome> WriteImportAsync(
        Guid organizationId, AuditActor actor, Guid? userId, string fileName, TransparencyImportResult result, CancellationToken cancellationToken)
    {
        var now = Now;
        var replaced = 0;
        var name = fileName.Length > 260 ? fileName[..260] : fileName;
        foreach (var line in result.Requests)
        {
            db.GovernmentRequests.Add(new GovernmentRequest
            {
                OrganizationId = organizationId,
                Reference = line.Reference,
                ReceivedOn = line.ReceivedOn,
                CountryCode = line.Country,
                Authority = line.Authority,
                Type = line.Type,
                Process = line.Process,
                AccountsSpecified = line.AccountsSpecified,
                ItemsSpecified = line.ItemsSpecified,
                Decision = line.Decision,
                ItemsDisclosedOrRemoved = line.ItemsDisclosedOrRemoved,
                NonDisclosureOrder = line.NonDisclosureOrder,
                UserNotified = line.UserNotified,
                ImportedFrom = name,
                CreatedByUserId = userId,
                CreatedAt = now,
                UpdatedAt = now,
            });
        }

        if (result.Aggregates.Count > 0)
        {
            var existing = await db.GovernmentRequestAggregates.ToListAsync(cancellationToken);
            var byCell = existing.ToDictionary(a => (a.Period, a.CountryCode, a.Type, a.Process));
            foreach (var line in result.Aggregates)
            {
                var count = line.Count;
                var period = count.Period.ToString();
                if (!byCell.TryGetValue((period, count.Key.Country, count.Key.Type, count.Key.Process), out var target))
                {
                    target = new GovernmentRequestAggregate { OrganizationId = organizationId, Period = period, CountryCode = count.Key.Country };
                    target.Type = count.Key.Type;
                    target.Process = count.Key.Process;
                    db.GovernmentRequestAggregates.Add(target);
                }
                else
                {
                    replaced++;
                }

                target.Requests = count.Counts.Requests;
                target.AccountsSpecified = count.Counts.AccountsSpecified;
                target.CompliedFully = count.Counts.CompliedFully;
                target.CompliedPartially = count.Counts.CompliedPartially;
                target.Rejected = count.Counts.Rejected;
                target.ChallengedInCourt = count.Counts.ChallengedInCourt;
                target.ImportedFrom = name;
                target.ImportedAt = now;
            }
        }

        var kind = result.Kind ?? ImportKind.Requests;
        var outcome = new ImportOutcome(kind, result.Requests.Count, result.Aggregates.Count - replaced, replaced, result.BadRows);
        await audit.SaveChangesAsync(new AuditRecord(organizationId, actor, "government-requests.imported", "government-requests", null,
            string.Create(CultureInfo.InvariantCulture,
                $"file {name}; kind {TransparencyCodes.Code(kind)}; rows {result.RowsRead}; requests added {outcome.RequestsAdded}; aggregates added {outcome.AggregatesAdded}; aggregates replaced {outcome.AggregatesReplaced}; bad rows skipped {outcome.BadRowsSkipped}")),
            cancellationToken);
        return outcome;
    }

    /// <summary>An import issue as one sentence in the current language.</summary>
    public static string Message(IStringLocalizer<TransparencyText> text, ImportIssue issue) =>
        text[$"Import.{issue.Code}", [.. issue.Arguments]];

    /// <summary>An import issue as the command line and the import page list it: <c>FILE:LINE: FIELD: message</c>.</summary>
    public static string Line(IStringLocalizer<TransparencyText> text, string fileName, ImportIssue issue) =>
        issue.Line == 0
            ? $"{fileName}: {(issue.Field is null ? "" : issue.Field + ": ")}{Message(text, issue)}"
            : $"{fileName}:{issue.Line.ToString(CultureInfo.InvariantCulture)}: {issue.Field ?? "-"}: {Message(text, issue)}";
}

public static class TransparencyServices
{
    public static IServiceCollection AddTransparency(this IServiceCollection services)
    {
        services.AddScoped<GovernmentRequestCommands>();
        services.AddScoped<TransparencyReports>();
        return services;
    }
}
