using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Engagements;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Engagements;

/// <summary>
/// The commands of the engagement tracker, shared by the pages and the API so both validate, save and audit the
/// same way: every command checks all its fields first (nothing is written when one is wrong), saves with one audit
/// entry and renews the engagement's concurrency token. Callers have checked the permission; the engagement and the
/// company are found through the tenant filter, so another organization's ids are not found. Field keys are the
/// API's (<c>title</c>, <c>deadline</c>); audit summaries carry codes, dates and counts, never the free texts.
/// </summary>
public sealed class EngagementCommands(
    RightscopeDbContext db,
    EngagementAssessments assessments,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<EngagementsText> text)
{
    public const int MaxObjectivesPerRequest = 100;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private DateOnly Today => DateOnly.FromDateTime(Now);

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, Guid companyId, NewEngagement input, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return CommandOutcome.NotFound();
        }

        var errors = new FieldErrors();
        var title = Text(input.Title);
        if (title is null || title.Length > Engagement.TitleMaxLength)
        {
            errors.Add("title", text["Field.TitleInvalid", Engagement.TitleMaxLength]);
        }

        RestedOnAssessment? restedOn = null;
        if (Text(input.AssessmentId) is { } assessmentText)
        {
            restedOn = Guid.TryParse(assessmentText, out var assessmentId)
                ? await assessments.ApprovedOfAsync(company, assessmentId, cancellationToken)
                : null;
            if (restedOn is null)
            {
                errors.Add("assessmentId", text["Field.AssessmentInvalid"]);
            }
        }

        var lead = await LeadAsync(actor, input.LeadUserId, errors, cancellationToken);
        var startedOn = Date(input.StartedOn, "startedOn", errors, required: false) ?? Today;

        var chosen = (input.Gaps ?? []).Select(g => g?.Trim() ?? "").Where(g => g.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var gaps = new List<Core.Engagements.AssessmentGap>();
        if (chosen.Count > 0 && restedOn is null && !errors.ToDictionary().ContainsKey("assessmentId"))
        {
            errors.Add("gaps", text["Field.GapsWithoutAssessment"]);
        }
        else if (restedOn is not null)
        {
            var byKey = restedOn.Gaps.ToDictionary(g => g.Key, StringComparer.Ordinal);
            foreach (var key in chosen)
            {
                if (byKey.TryGetValue(key, out var gap))
                {
                    gaps.Add(gap);
                }
                else
                {
                    errors.Add("gaps", text["Field.GapUnknown", key]);
                }
            }
        }

        var written = (input.Objectives ?? []).Select(o => o?.Trim() ?? "").Where(o => o.Length > 0).ToList();
        if (written.Any(o => o.Length > EngagementObjective.DescriptionMaxLength))
        {
            errors.Add("objectives", text["Field.TooLong", text["Label.objectives"], EngagementObjective.DescriptionMaxLength]);
        }

        if (gaps.Count + written.Count > MaxObjectivesPerRequest)
        {
            errors.Add("objectives", text["Field.TooManyObjectives", MaxObjectivesPerRequest]);
        }

        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        var engagement = new Engagement
        {
            OrganizationId = actor.OrganizationId,
            CompanyId = company.Id,
            Title = title!,
            AssessmentId = restedOn?.Loaded.Assessment.Id,
            LeadUserId = lead!.Value,
            StartedOn = startedOn,
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Engagements.Add(engagement);
        db.EscalationEntries.Add(new EscalationEntry
        {
            OrganizationId = actor.OrganizationId,
            EngagementId = engagement.Id,
            ToStep = engagement.CurrentStep,
            RecordedByUserId = actor.UserId,
            RecordedAt = Now,
        });
        var language = MethodologyLanguage.Current;
        var position = 0;
        foreach (var gap in gaps.OrderBy(g => restedOn!.Gaps.ToList().IndexOf(g)))
        {
            db.EngagementObjectives.Add(NewObjective(actor, engagement, ++position, gap.Item.Title.In(language), gap.Item.Key, gap.Component));
        }

        foreach (var description in written)
        {
            db.EngagementObjectives.Add(NewObjective(actor, engagement, ++position, description, null, null));
        }

        await audit.SaveChangesAsync(
            Record(actor, "engagement.created", engagement,
                $"company {company.Id:N}; assessment {engagement.AssessmentId?.ToString("N") ?? "-"}; lead {engagement.LeadUserId:N}; started {Iso(startedOn)}; objectives {gaps.Count} from gaps, {written.Count} written"),
            cancellationToken);
        return CommandOutcome.Done(engagement.Id);
    }

    public Task<CommandOutcome> AddObjectiveAsync(CommandActor actor, Guid id, string? description, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, null, cancellationToken, async (engagement, errors) =>
        {
            var value = Text(description);
            if (value is null || value.Length > EngagementObjective.DescriptionMaxLength)
            {
                errors.Add("description", text["Field.DescriptionInvalid", EngagementObjective.DescriptionMaxLength]);
                return default;
            }

            // Two objectives added at once may share a position; the id then orders them, and nothing else depends on it.
            var last = await db.EngagementObjectives.Where(o => o.EngagementId == engagement.Id).MaxAsync(o => (int?)o.Position, cancellationToken) ?? 0;
            var objective = NewObjective(actor, engagement, last + 1, value, null, null);
            db.EngagementObjectives.Add(objective);
            return ("engagement.objective-added", $"objective {objective.Id:N}", objective.Id);
        });

    public Task<CommandOutcome> SetObjectiveStatusAsync(CommandActor actor, Guid id, Guid objectiveId, string? status, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, null, cancellationToken, async (engagement, errors) =>
        {
            var objective = await db.EngagementObjectives.SingleOrDefaultAsync(o => o.Id == objectiveId && o.EngagementId == engagement.Id, cancellationToken);
            if (objective is null)
            {
                errors.Add("objectiveId", text["Field.ObjectiveUnknown"]);
                return default;
            }

            if (!AssessmentCommands.TryParseCode<ObjectiveStatus>(status, out var parsed))
            {
                errors.Add("status", text["Field.StatusInvalid"]);
                return default;
            }

            var before = objective.Status;
            (objective.Status, objective.UpdatedAt) = (parsed, Now);
            return ("engagement.objective-updated", $"objective {objective.Id:N}: {Code(before)} → {Code(parsed)}", objective.Id);
        });

    public Task<CommandOutcome> AddMilestoneAsync(CommandActor actor, Guid id, MilestoneInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, null, cancellationToken, (engagement, errors) =>
        {
            var deadline = Date(input.Deadline, "deadline", errors, required: true);
            if (deadline is { } d && d < engagement.StartedOn)
            {
                errors.Add("deadline", text["Field.DeadlineBeforeStart", Iso(engagement.StartedOn)]);
            }

            var description = Text(input.Description);
            if (description is null || description.Length > EngagementMilestone.DescriptionMaxLength)
            {
                errors.Add("description", text["Field.DescriptionInvalid", EngagementMilestone.DescriptionMaxLength]);
            }

            if (errors.Any)
            {
                return null;
            }

            var milestone = new EngagementMilestone
            {
                OrganizationId = actor.OrganizationId,
                EngagementId = engagement.Id,
                Deadline = deadline!.Value,
                Description = description!,
                CreatedAt = Now,
                UpdatedAt = Now,
            };
            db.EngagementMilestones.Add(milestone);
            return Task.FromResult(("engagement.milestone-added", $"milestone {milestone.Id:N} due {Iso(milestone.Deadline)}", milestone.Id));
        });

    public Task<CommandOutcome> SetMilestoneStatusAsync(CommandActor actor, Guid id, Guid milestoneId, string? status, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, null, cancellationToken, async (engagement, errors) =>
        {
            var milestone = await db.EngagementMilestones.SingleOrDefaultAsync(m => m.Id == milestoneId && m.EngagementId == engagement.Id, cancellationToken);
            if (milestone is null)
            {
                errors.Add("milestoneId", text["Field.MilestoneUnknown"]);
                return default;
            }

            if (!AssessmentCommands.TryParseCode<MilestoneStatus>(status, out var parsed))
            {
                errors.Add("status", text["Field.StatusInvalid"]);
                return default;
            }

            var before = milestone.Status;
            (milestone.Status, milestone.UpdatedAt) = (parsed, Now);
            return ("engagement.milestone-updated", $"milestone {milestone.Id:N}: {Code(before)} → {Code(parsed)}", milestone.Id);
        });

    public Task<CommandOutcome> AddInteractionAsync(CommandActor actor, Guid id, InteractionInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, null, cancellationToken, (engagement, errors) =>
        {
            var on = Date(input.OccurredOn, "occurredOn", errors, required: true);
            if (on is { } day && day > Today)
            {
                // The log records contacts that happened; a planned one is a milestone.
                errors.Add("occurredOn", text["Field.OccurredInFuture"]);
            }

            if (!AssessmentCommands.TryParseCode<InteractionType>(input.Type, out var type))
            {
                errors.Add("type", text["Field.InteractionTypeInvalid"]);
            }

            var participants = Text(input.Participants);
            if (participants is null || participants.Length > EngagementInteraction.ParticipantsMaxLength)
            {
                errors.Add("participants", text["Field.ParticipantsInvalid", EngagementInteraction.ParticipantsMaxLength]);
            }

            var summary = Text(input.Summary);
            if (summary is null || summary.Length > EngagementInteraction.SummaryMaxLength)
            {
                errors.Add("summary", text["Field.SummaryInvalid", EngagementInteraction.SummaryMaxLength]);
            }

            if (errors.Any)
            {
                return null;
            }

            var interaction = new EngagementInteraction
            {
                OrganizationId = actor.OrganizationId,
                EngagementId = engagement.Id,
                OccurredOn = on!.Value,
                Type = type,
                Participants = participants!,
                Summary = summary!,
                RecordedByUserId = actor.UserId,
                RecordedAt = Now,
            };
            db.EngagementInteractions.Add(interaction);
            return Task.FromResult(("engagement.interaction-added", $"interaction {interaction.Id:N}: {Code(type)} on {Iso(interaction.OccurredOn)}", interaction.Id));
        });

    /// <summary>Moves the engagement up or down the ladder; <paramref name="version"/>, when given, must be the engagement's as last read.</summary>
    public Task<CommandOutcome> EscalateAsync(CommandActor actor, Guid id, Guid? version, EscalationInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, version, cancellationToken, (engagement, errors) =>
        {
            if (!AssessmentCommands.TryParseCode<EscalationStep>(input.Step, out var step))
            {
                errors.Add("step", text["Field.StepInvalid"]);
                return null;
            }

            var reason = Text(input.Reason);
            if (reason?.Length > EscalationEntry.ReasonMaxLength)
            {
                errors.Add("reason", text["Field.TooLong", text["Label.reason"], EscalationEntry.ReasonMaxLength]);
                return null;
            }

            var decision = EscalationLadder.Decide(engagement.Status, engagement.CurrentStep, step, reason);
            switch (decision.Refusal)
            {
                case EscalationRefusal.SameStep:
                    errors.Add("step", text["Field.StepSame"]);
                    return null;
                case EscalationRefusal.ReasonRequired:
                    errors.Add("reason", text["Field.ReasonRequired"]);
                    return null;
            }

            var entry = new EscalationEntry
            {
                OrganizationId = actor.OrganizationId,
                EngagementId = engagement.Id,
                FromStep = engagement.CurrentStep,
                ToStep = step,
                Reason = reason,
                RecordedByUserId = actor.UserId,
                RecordedAt = Now,
            };
            db.EscalationEntries.Add(entry);
            var action = decision.Move == EscalationMove.Escalation ? "engagement.escalated" : "engagement.de-escalated";
            var summary = $"{Code(engagement.CurrentStep)} → {Code(step)}";
            engagement.CurrentStep = step;
            return Task.FromResult((action, summary, entry.Id));
        });

    /// <summary>Closes the engagement with an outcome; <paramref name="version"/>, when given, must be the engagement's as last read.</summary>
    public Task<CommandOutcome> CloseAsync(CommandActor actor, Guid id, Guid? version, CloseInput input, CancellationToken cancellationToken) =>
        ChangeAsync(actor, id, version, cancellationToken, (engagement, errors) =>
        {
            EngagementOutcome? outcome = AssessmentCommands.TryParseCode<EngagementOutcome>(input.Outcome, out var parsed) ? parsed : null;
            if (!EngagementRules.CanClose(engagement.Status, outcome))
            {
                errors.Add("outcome", text["Field.OutcomeRequired"]);
            }

            var note = Text(input.Note);
            if (note?.Length > Engagement.NoteMaxLength)
            {
                errors.Add("note", text["Field.TooLong", text["Label.note"], Engagement.NoteMaxLength]);
            }

            var closedOn = Date(input.ClosedOn, "closedOn", errors, required: false) ?? Today;
            if (closedOn < engagement.StartedOn)
            {
                errors.Add("closedOn", text["Field.ClosedBeforeStart", Iso(engagement.StartedOn)]);
            }

            if (errors.Any)
            {
                return null;
            }

            (engagement.Status, engagement.Outcome, engagement.OutcomeNote, engagement.ClosedOn) = (EngagementStatus.Closed, outcome, note, closedOn);
            return Task.FromResult(("engagement.closed", $"outcome {Code(outcome!.Value)} on {Iso(closedOn)}", engagement.Id));
        });

    /// <summary>
    /// Loads the open engagement, lets <paramref name="apply"/> validate and change it (it adds field errors and
    /// returns null, or returns the audit action, summary and the id of what it made), then saves everything with
    /// one audit entry under the engagement's concurrency token.
    /// </summary>
    private async Task<CommandOutcome> ChangeAsync(
        CommandActor actor,
        Guid id,
        Guid? version,
        CancellationToken cancellationToken,
        Func<Engagement, FieldErrors, Task<(string Action, string Summary, Guid Id)>?> apply)
    {
        var engagement = await db.Engagements.SingleOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (engagement is null)
        {
            return CommandOutcome.NotFound();
        }

        if (version is { } expected && expected != engagement.ConcurrencyToken)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        if (!EngagementRules.AcceptsChanges(engagement.Status))
        {
            return CommandOutcome.Refused(text["Form.Closed"]);
        }

        var errors = new FieldErrors();
        var pending = apply(engagement, errors);
        var result = pending is null ? ((string, string, Guid)?)null : await pending;
        if (errors.Any || result is not { } done)
        {
            db.ChangeTracker.Clear();
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.Entry(engagement).Property(e => e.ConcurrencyToken).OriginalValue = engagement.ConcurrencyToken;
        engagement.ConcurrencyToken = Guid.NewGuid();
        engagement.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(Record(actor, done.Item1, engagement, done.Item2), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        return CommandOutcome.Done(done.Item3);
    }

    /// <summary>The lead must be a member who may edit the workspace; without one, the person acting leads.</summary>
    private async Task<Guid?> LeadAsync(CommandActor actor, string? leadText, FieldErrors errors, CancellationToken cancellationToken)
    {
        var explicitLead = Text(leadText);
        Guid lead;
        if (explicitLead is null)
        {
            lead = actor.UserId;
        }
        else if (!Guid.TryParse(explicitLead, out lead))
        {
            errors.Add("leadUserId", text["Field.LeadInvalid"]);
            return null;
        }

        var role = await db.Memberships.AsNoTracking()
            .Where(m => m.OrganizationId == actor.OrganizationId && m.UserId == lead)
            .Select(m => (Role?)m.Role)
            .SingleOrDefaultAsync(cancellationToken);
        if (role is not { } found || !found.Grants(Permission.EditWorkspace))
        {
            errors.Add("leadUserId", text[explicitLead is null ? "Field.LeadRequired" : "Field.LeadInvalid"]);
            return null;
        }

        return lead;
    }

    private EngagementObjective NewObjective(CommandActor actor, Engagement engagement, int position, string description, string? itemKey, string? component) => new()
    {
        OrganizationId = actor.OrganizationId,
        EngagementId = engagement.Id,
        Position = position,
        ItemKey = itemKey,
        Component = component,
        Description = description.Length > EngagementObjective.DescriptionMaxLength ? description[..EngagementObjective.DescriptionMaxLength] : description,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private DateOnly? Date(string? value, string field, FieldErrors errors, bool required)
    {
        var trimmed = Text(value);
        if (trimmed is null)
        {
            if (required)
            {
                errors.Add(field, text["Field.DateRequired", text[$"Label.{field}"]]);
            }

            return null;
        }

        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(field, text["Field.DateInvalid", text[$"Label.{field}"], trimmed]);
        return null;
    }

    private static AuditRecord Record(CommandActor actor, string action, Engagement engagement, string summary) =>
        new(actor.OrganizationId, actor.Audit, action, "engagement", engagement.Id.ToString("N"), summary);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The API's kebab-case code of an enum value (<c>letter-to-board</c>), used in audit summaries and forms.</summary>
    public static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
