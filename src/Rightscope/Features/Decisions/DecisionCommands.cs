using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Decisions;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Decisions;

/// <summary>
/// The commands on decisions, shared by the pages and the API: propose, revise (by the proposer, after a return),
/// approve and return (by a second person). Each saves with one audit entry and a new concurrency token; the
/// rationale stays out of the audit trail, which names kinds, dates and ids. Callers have checked the permission;
/// the company and decision are found through the tenant filter, so another organization's ids are not found.
/// Field keys: <c>kind</c>, <c>exclusionMode</c>, <c>divestBy</c>, <c>effectiveOn</c>, <c>rationale</c>,
/// <c>assessmentId</c>, <c>reason</c>.
/// </summary>
public sealed class DecisionCommands(
    RightscopeDbContext db,
    DecisionBasis basis,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<DecisionsText> text)
{
    public const string AssessmentField = "assessmentId";

    public const string ReasonField = "reason";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandOutcome> ProposeAsync(CommandActor actor, Guid companyId, DecisionInput input, CancellationToken cancellationToken)
    {
        var company = await db.Companies.AsNoTracking().SingleOrDefaultAsync(c => c.Id == companyId, cancellationToken);
        if (company is null)
        {
            return CommandOutcome.NotFound();
        }

        var decision = new Decision { OrganizationId = actor.OrganizationId, CompanyId = company.Id, CreatedAt = Now };
        var errors = await ApplyAsync(decision, company, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        (decision.ProposedByUserId, decision.ProposedAt, decision.UpdatedAt) = (actor.UserId, Now, Now);
        db.Decisions.Add(decision);
        await audit.SaveChangesAsync(Record(actor, "decision.proposed", decision, $"company {company.Id:N}: {Terms(decision)} proposed"), cancellationToken);
        return CommandOutcome.Done(decision.Id);
    }

    /// <summary>The proposer's revision of a returned decision, last read at <paramref name="version"/>; proposed again.</summary>
    public async Task<CommandOutcome> ReviseAsync(CommandActor actor, Guid id, Guid? version, DecisionInput input, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return CommandOutcome.NotFound();
        }

        var transition = DecisionWorkflow.Revise(decision.Status, decision.ProposedByUserId, actor.UserId);
        if (!transition.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(transition.Failure!.Value));
        }

        if (decision.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var company = await db.Companies.AsNoTracking().SingleAsync(c => c.Id == decision.CompanyId, cancellationToken);
        var errors = await ApplyAsync(decision, company, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        (decision.Status, decision.ProposedAt) = (transition.Status, Now);
        return await SaveAsync(actor, "decision.revised", decision, version.Value, $"company {company.Id:N}: {Terms(decision)} revised and proposed again", cancellationToken);
    }

    /// <summary>
    /// Approves a proposed decision by someone other than its proposer and supersedes the company's current decision in
    /// the same save; a conflict when either changed since it was read.
    /// </summary>
    public async Task<CommandOutcome> ApproveAsync(CommandActor actor, Guid id, Guid? version, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return CommandOutcome.NotFound();
        }

        var transition = DecisionWorkflow.Approve(decision.Status, decision.ProposedByUserId, actor.UserId);
        if (!transition.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(transition.Failure!.Value));
        }

        if (decision.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        var summary = $"company {decision.CompanyId:N}: {Terms(decision)} approved";
        var current = await db.Decisions.Where(d => d.CompanyId == decision.CompanyId && d.Status == DecisionStatus.Approved && d.Id != decision.Id)
            .ToListAsync(cancellationToken);
        foreach (var previous in current)
        {
            var superseded = DecisionWorkflow.Supersede(previous.Status);
            (previous.Status, previous.ApprovedCompanyId, previous.SupersededById) = (superseded.Status, null, decision.Id);
            previous.UpdatedAt = Now;
            previous.ConcurrencyToken = Guid.NewGuid();
            summary += $"; supersedes {previous.Id:N}";
        }

        (decision.Status, decision.ApprovedCompanyId, decision.ReviewedByUserId, decision.ReviewedAt) = (transition.Status, decision.CompanyId, actor.UserId, Now);
        return await SaveAsync(actor, "decision.approved", decision, version.Value, summary, cancellationToken);
    }

    /// <summary>Returns a proposed decision to its proposer with a reason; someone other than the proposer returns it.</summary>
    public async Task<CommandOutcome> ReturnAsync(CommandActor actor, Guid id, Guid? version, string? reason, CancellationToken cancellationToken)
    {
        var decision = await db.Decisions.SingleOrDefaultAsync(d => d.Id == id, cancellationToken);
        if (decision is null)
        {
            return CommandOutcome.NotFound();
        }

        var transition = DecisionWorkflow.Return(decision.Status, decision.ProposedByUserId, actor.UserId);
        if (!transition.Succeeded)
        {
            return CommandOutcome.Refused(Refusal(transition.Failure!.Value));
        }

        var why = reason?.Trim() ?? "";
        if (why.Length is 0 or > Decision.ReasonMaxLength)
        {
            var errors = new FieldErrors();
            errors.Add(ReasonField, text["Field.ReasonInvalid", Decision.ReasonMaxLength]);
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        if (decision.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        (decision.Status, decision.ReturnReason, decision.ReviewedByUserId, decision.ReviewedAt) = (transition.Status, why, actor.UserId, Now);
        return await SaveAsync(actor, "decision.returned", decision, version.Value, $"company {decision.CompanyId:N}: {Terms(decision)} returned to the proposer", cancellationToken);
    }

    private async Task<FieldErrors> ApplyAsync(Decision decision, Companies.Company company, DecisionInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var approved = await basis.ApprovedAssessmentsAsync(company, cancellationToken);
        AssessmentBasis? chosen = null;
        if (!Guid.TryParse(input.AssessmentId?.Trim(), out var assessmentId) || (chosen = approved.FirstOrDefault(a => a.Id == assessmentId)) is null)
        {
            errors.Add(AssessmentField, approved.Count == 0 ? text["Field.NoApprovedAssessment"] : text["Field.AssessmentInvalid"]);
        }

        var (terms, termErrors) = DecisionTerms.Parse(input.Kind, input.ExclusionMode, input.DivestBy, input.EffectiveOn, input.Rationale, chosen?.Recommended);
        foreach (var (field, error) in termErrors)
        {
            errors.Add(field, Message(error, chosen?.Recommended));
        }

        if (errors.Any)
        {
            return errors;
        }

        decision.Kind = terms!.Kind;
        (decision.ExclusionMode, decision.DivestBy, decision.EffectiveOn, decision.Rationale) = (terms.Mode, terms.DivestBy, terms.EffectiveOn, terms.Rationale);
        (decision.AssessmentId, decision.AssessmentTier, decision.RecommendedKind) = (chosen!.Id, chosen.Tier, chosen.Recommended);
        return errors;
    }

    private string Message(DecisionTermError error, DecisionKind? recommended) => error switch
    {
        DecisionTermError.KindInvalid => text["Field.KindInvalid"],
        DecisionTermError.ModeRequired => text["Field.ModeRequired"],
        DecisionTermError.ModeInvalid => text["Field.ModeInvalid"],
        DecisionTermError.DivestByRequired => text["Field.DivestByRequired"],
        DecisionTermError.DateInvalid => text["Field.DateInvalid"],
        DecisionTermError.DivestByBeforeEffective => text["Field.DivestByBeforeEffective"],
        DecisionTermError.EffectiveOnRequired => text["Field.EffectiveOnRequired"],
        DecisionTermError.RationaleMustExplainDifference => text["Field.RationaleMustExplain", text[$"Kind.{recommended?.ToCode()}"]],
        DecisionTermError.RationaleTooLong => text["Field.RationaleTooLong", DecisionTerms.RationaleMaxLength],
        _ => text["Field.RationaleRequired"],
    };

    private string Refusal(DecisionFailure failure) => failure switch
    {
        DecisionFailure.ReviewerIsProposer => text["Workflow.ReviewerIsProposer"],
        DecisionFailure.NotProposer => text["Workflow.NotProposer"],
        _ => text["Workflow.InvalidTransition"],
    };

    private async Task<CommandOutcome> SaveAsync(CommandActor actor, string action, Decision decision, Guid version, string summary, CancellationToken cancellationToken)
    {
        db.Entry(decision).Property(d => d.ConcurrencyToken).OriginalValue = version;
        decision.ConcurrencyToken = Guid.NewGuid();
        decision.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(Record(actor, action, decision, summary), cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone saved this decision, or approved another one for the company, since it was read (the token or
            // the unique current-decision index refused ours). Nothing was saved.
            db.ChangeTracker.Clear();
            return CommandOutcome.Conflict(text["Form.Conflict"]);
        }

        return CommandOutcome.Done(decision.Id);
    }

    private static AuditRecord Record(CommandActor actor, string action, Decision decision, string summary) =>
        new(actor.OrganizationId, actor.Audit, action, "decision", decision.Id.ToString("N"), summary);

    /// <summary>The decision's terms for the audit trail: kind, mode, dates and basis, never the rationale.</summary>
    public static string Terms(Decision d) =>
        $"{d.Kind.ToCode()}{(d.ExclusionMode is { } m ? $" ({m.ToCode()}{(d.DivestBy is { } by ? $" by {by.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : "")})" : "")}"
        + $" effective {d.EffectiveOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, on assessment {d.AssessmentId:N}"
        + $" (tier {d.AssessmentTier?.ToString(CultureInfo.InvariantCulture) ?? "none"}, recommended {d.RecommendedKind?.ToCode() ?? "none"}{(d.DiffersFromRecommendation ? ", differs" : "")})";
}
