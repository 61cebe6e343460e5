using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// The commands on human rights reports: create a draft for a year, save a section's narrative, submit, approve or
/// return to draft (a second person), publish (freezing the snapshot) and withdraw. Each saves with one audit entry
/// naming sections, lengths and statuses, never the narrative. Callers have checked the permission; reports are found
/// through the tenant filter. Field keys: <c>year</c>, <c>textEn</c>, <c>textZh</c>, <c>reason</c>.
/// </summary>
public sealed class HumanRightsReportCommands(
    RightscopeDbContext db,
    ReportAssembler assembler,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<HumanRightsReportsText> text)
{
    public const string YearField = "year";

    public const string EnglishField = "textEn";

    public const string ChineseField = "textZh";

    public const string ReasonField = "reason";

    public const int FirstYear = 2000;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, string? yearText, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var latest = clock.GetUtcNow().UtcDateTime.Year;
        if (!int.TryParse(yearText?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < FirstYear || year > latest)
        {
            errors.Add(YearField, text["Field.YearInvalid", FirstYear, latest]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        if (await db.HumanRightsReports.AnyAsync(r => r.Year == year, cancellationToken))
        {
            errors.Add(YearField, text["Field.YearTaken", year]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        var report = new HumanRightsReport { OrganizationId = actor.OrganizationId, Year = year, CreatedByUserId = actor.UserId, CreatedAt = Now, UpdatedAt = Now };
        db.HumanRightsReports.Add(report);
        try
        {
            await audit.SaveChangesAsync(Record(actor, "human-rights-report.created", report, $"report {year} created as a draft"), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone created the same year's report at the same moment; the unique index refused ours.
            db.ChangeTracker.Clear();
            errors.Add(YearField, text["Field.YearTaken", year]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        return CommandOutcome.Done(report.Id);
    }

    /// <summary>Saves one section's narrative in both languages (blank clears a language); only in a draft.</summary>
    public async Task<CommandOutcome> SaveSectionAsync(
        CommandActor actor, Guid id, Guid? version, SectionRef place, string? english, string? chinese, IReadOnlyList<ReportIssue> issues, CancellationToken cancellationToken)
    {
        var report = await db.HumanRightsReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        var section = ReportFramework.Find(place.Section);
        if (report is null || section is null || section.PerIssue != (place.IssueId is not null)
            || (place.IssueId is { } issue && issues.All(i => i.Id != issue)))
        {
            return CommandOutcome.NotFound();
        }

        if (!ReportWorkflow.CanEdit(report.Status))
        {
            return CommandOutcome.Refused(text["Workflow.NotDraft"]);
        }

        var (en, zh) = (Clean(english), Clean(chinese));
        var errors = new FieldErrors();
        if (en?.Length > HumanRightsReport.NarrativeMaxLength)
        {
            errors.Add(EnglishField, text["Field.TextTooLong", text["Field.TextEn"], HumanRightsReport.NarrativeMaxLength]);
        }

        if (zh?.Length > HumanRightsReport.NarrativeMaxLength)
        {
            errors.Add(ChineseField, text["Field.TextTooLong", text["Field.TextZh"], HumanRightsReport.NarrativeMaxLength]);
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        if (report.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var narratives = report.ReadNarratives();
        var writers = narratives.GetValueOrDefault(place.Key)?.Writers ?? [];
        narratives[place.Key] = new StoredNarrative(en, zh, [.. writers.Append(actor.UserId).Distinct()], Now);
        report.WriteNarratives(narratives);
        var summary = string.Create(CultureInfo.InvariantCulture, $"report {report.Year}: section {place.Key} saved (en {en?.Length ?? 0} characters, zh-Hans {zh?.Length ?? 0} characters)");
        return await SaveAsync(actor, "human-rights-report.section-saved", report, version.Value, summary, cancellationToken);
    }

    public async Task<CommandOutcome> SubmitAsync(CommandActor actor, Guid id, Guid? version, CancellationToken cancellationToken) =>
        await TransitionAsync(actor, id, version, "human-rights-report.submitted", r => ReportWorkflow.Submit(r.Status), report =>
        {
            (report.SubmittedByUserId, report.SubmittedAt) = (actor.UserId, Now);
            return Task.FromResult("submitted for review");
        }, cancellationToken);

    /// <summary>Approves a submitted report: by someone who neither submitted nor wrote it, with every required section written.</summary>
    public async Task<CommandOutcome> ApproveAsync(CommandActor actor, Guid id, Guid? version, string organizationName, CancellationToken cancellationToken)
    {
        var report = await db.HumanRightsReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return CommandOutcome.NotFound();
        }

        var content = await assembler.CurrentAsync(report, organizationName, cancellationToken);
        var missing = ReportCompleteness.MissingRequired(content);
        var transition = ReportWorkflow.Approve(report.Status, report.Authors(), actor.UserId, missing.Count);
        if (!transition.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(transition.Failure!.Value, content, missing));
        }

        if (report.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        (report.Status, report.ApprovedByUserId, report.ApprovedAt) = (transition.Status, actor.UserId, Now);
        return await SaveAsync(actor, "human-rights-report.approved", report, version.Value, $"report {report.Year}: approved", cancellationToken);
    }

    /// <summary>Sends a submitted, approved or withdrawn report back to draft, with a reason.</summary>
    public async Task<CommandOutcome> ReturnToDraftAsync(CommandActor actor, Guid id, Guid? version, string? reason, CancellationToken cancellationToken) =>
        await WithReasonAsync(actor, id, version, reason, "human-rights-report.returned-to-draft", r => ReportWorkflow.ReturnToDraft(r.Status), report =>
        {
            var from = report.Status.ToCode();
            (report.ApprovedByUserId, report.ApprovedAt) = (null, null);
            return $"returned to draft from {from}";
        }, cancellationToken);

    /// <summary>Publishes an approved report, freezing its content (narratives and facts) as the public snapshot.</summary>
    public async Task<CommandOutcome> PublishAsync(CommandActor actor, Guid id, Guid? version, string organizationName, CancellationToken cancellationToken)
    {
        var report = await db.HumanRightsReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return CommandOutcome.NotFound();
        }

        var transition = ReportWorkflow.Publish(report.Status);
        if (!transition.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(transition.Failure!.Value, null, []));
        }

        // The issues may have changed since approval: a new salient issue has empty part C sections.
        var content = await assembler.CurrentAsync(report, organizationName, cancellationToken);
        var missing = ReportCompleteness.MissingRequired(content);
        if (missing.Count > 0)
        {
            return CommandOutcome.Refused(Refusal(ReportFailure.RequiredSectionsEmpty, content, missing));
        }

        if (report.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        report.Snapshot = JsonSerializer.Serialize(content, ReportJson.Options);
        (report.Status, report.PublishedByUserId, report.PublishedAt, report.WithdrawnAt, report.Reason) = (transition.Status, actor.UserId, Now, null, null);
        var summary = string.Create(CultureInfo.InvariantCulture, $"report {report.Year}: published with {content.Issues.Count} salient issue(s) and {content.Facts.Count} fact(s) frozen");
        return await SaveAsync(actor, "human-rights-report.published", report, version.Value, summary, cancellationToken);
    }

    public async Task<CommandOutcome> WithdrawAsync(CommandActor actor, Guid id, Guid? version, string? reason, CancellationToken cancellationToken) =>
        await WithReasonAsync(actor, id, version, reason, "human-rights-report.withdrawn", r => ReportWorkflow.Withdraw(r.Status), report =>
        {
            report.WithdrawnAt = Now;
            return "withdrawn from publication";
        }, cancellationToken);

    private async Task<CommandOutcome> WithReasonAsync(
        CommandActor actor, Guid id, Guid? version, string? reason, string action, Func<HumanRightsReport, ReportTransition> transition,
        Func<HumanRightsReport, string> apply, CancellationToken cancellationToken)
    {
        var why = reason?.Trim() ?? "";
        return await TransitionAsync(actor, id, version, action, transition, report =>
        {
            var summary = apply(report);
            report.Reason = why;
            return Task.FromResult(summary);
        }, cancellationToken, () =>
        {
            if (why.Length is > 0 and <= HumanRightsReport.ReasonMaxLength)
            {
                return null;
            }

            var errors = new FieldErrors();
            errors.Add(ReasonField, text["Field.ReasonInvalid", HumanRightsReport.ReasonMaxLength]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        });
    }

    private async Task<CommandOutcome> TransitionAsync(
        CommandActor actor, Guid id, Guid? version, string action, Func<HumanRightsReport, ReportTransition> transition,
        Func<HumanRightsReport, Task<string>> apply, CancellationToken cancellationToken, Func<CommandOutcome?>? validate = null)
    {
        var report = await db.HumanRightsReports.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (report is null)
        {
            return CommandOutcome.NotFound();
        }

        var result = transition(report);
        if (!result.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(result.Failure!.Value, null, []));
        }

        if (validate?.Invoke() is { } invalid)
        {
            return invalid;
        }

        if (report.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var summary = await apply(report);
        report.Status = result.Status;
        return await SaveAsync(actor, action, report, version.Value, $"report {report.Year.ToString(CultureInfo.InvariantCulture)}: {summary}", cancellationToken);
    }

    private string Refusal(ReportFailure failure, ReportContent? content, IReadOnlyList<SectionRef> missing) => failure switch
    {
        ReportFailure.ReviewerIsAuthor => text["Workflow.ReviewerIsAuthor"],
        ReportFailure.RequiredSectionsEmpty => text["Workflow.SectionsEmpty", string.Join(", ", missing.Select(m => ReportCompleteness.Name(m, content?.Issues ?? [])))],
        _ => text["Workflow.InvalidTransition"],
    };

    private async Task<CommandOutcome> SaveAsync(CommandActor actor, string action, HumanRightsReport report, Guid version, string summary, CancellationToken cancellationToken)
    {
        db.Entry(report).Property(r => r.ConcurrencyToken).OriginalValue = version;
        report.ConcurrencyToken = Guid.NewGuid();
        report.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(Record(actor, action, report, summary), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        return CommandOutcome.Done(report.Id);
    }

    private static string? Clean(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : value.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();

    private static AuditRecord Record(CommandActor actor, string action, HumanRightsReport report, string summary) =>
        new(actor.OrganizationId, actor.Audit, action, "human-rights-report", report.Id.ToString("N"), summary);
}
