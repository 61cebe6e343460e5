using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;

namespace Rightscope.Features.Hrdd;

/// <summary>An HRIA project as the form sends it: codes for the choices, ISO dates, the lead's user id.</summary>
public sealed record HriaInput(
    string? SubjectKind,
    string? SubjectName,
    string? Country,
    string? Trigger,
    string? Stage,
    string? Status,
    string? StartsOn,
    string? EndsOn,
    string? Lead,
    string? Description);

/// <summary>
/// Creates and edits HRIA projects and links them to <c>ungp-hria</c> assessments (a new draft for the project's
/// subject and lifecycle stage, or an existing one). Each command is one save with one audit entry.
/// </summary>
public sealed class HriaCommands(
    RightscopeDbContext db,
    AssessmentCommands assessments,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<HrddText> text)
{
    public const string Methodology = "ungp-hria";

    public const string StageAttribute = "lifecycle-stage";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, HriaInput input, CancellationToken cancellationToken)
    {
        var project = new HriaProject { OrganizationId = actor.OrganizationId, SubjectName = "", CreatedByUserId = actor.UserId, CreatedAt = Now };
        var errors = await ApplyAsync(project, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        project.UpdatedAt = project.CreatedAt;
        db.HriaProjects.Add(project);
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "hria.created", "hria-project", project.Id.ToString("N"), Summary(project)),
            cancellationToken);
        return CommandOutcome.Done(project.Id);
    }

    public async Task<CommandOutcome> UpdateAsync(CommandActor actor, Guid id, Guid version, HriaInput input, CancellationToken cancellationToken)
    {
        var project = await db.HriaProjects.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (project is null)
        {
            return CommandOutcome.NotFound();
        }

        if (project.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Hria.Conflict"]);
        }

        var before = Summary(project);
        var errors = await ApplyAsync(project, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.Entry(project).Property(p => p.ConcurrencyToken).OriginalValue = version;
        project.ConcurrencyToken = Guid.NewGuid();
        project.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, "hria.updated", "hria-project", project.Id.ToString("N"), $"{before} → {Summary(project)}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandOutcome.Conflict(text["Hria.Conflict"]);
        }

        return CommandOutcome.Done(project.Id);
    }

    /// <summary>Starts a draft <c>ungp-hria</c> assessment of the project's subject at its lifecycle stage and links it.</summary>
    public async Task<CommandOutcome> CreateAssessmentAsync(CommandActor actor, Guid projectId, CancellationToken cancellationToken)
    {
        var project = await db.HriaProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return CommandOutcome.NotFound();
        }

        var name = project.CountryCode is { } country ? $"{project.SubjectName} ({country})" : project.SubjectName;
        var created = await assessments.CreateAsync(
            actor,
            new NewAssessment(
                Methodology,
                HrddInput.Code(project.SubjectKind),
                name.Length > Assessment.SubjectNameMaxLength ? project.SubjectName : name,
                new Dictionary<string, string> { [StageAttribute] = HrddInput.Code(project.Stage) },
                []),
            cancellationToken);
        if (!created.Succeeded)
        {
            return created;
        }

        return await LinkAsync(actor, project, created.Id!.Value, cancellationToken);
    }

    /// <summary>Links an existing <c>ungp-hria</c> assessment of the organization to the project.</summary>
    public async Task<CommandOutcome> LinkAssessmentAsync(CommandActor actor, Guid projectId, Guid? assessmentId, CancellationToken cancellationToken)
    {
        var project = await db.HriaProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        if (project is null)
        {
            return CommandOutcome.NotFound();
        }

        var errors = new FieldErrors();
        var assessment = assessmentId is { } wanted
            ? await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == wanted, cancellationToken)
            : null;
        if (assessment is null || assessment.MethodologyKey != Methodology)
        {
            errors.Add("assessmentId", text["Hria.AssessmentInvalid"]);
        }
        else if (await db.HriaAssessments.AnyAsync(l => l.HriaProjectId == projectId && l.AssessmentId == assessment.Id, cancellationToken))
        {
            errors.Add("assessmentId", text["Hria.AssessmentLinked"]);
        }

        return errors.Any
            ? CommandOutcome.Invalid(text["Form.NothingSaved"], errors)
            : await LinkAsync(actor, project, assessment!.Id, cancellationToken);
    }

    /// <summary>The organization's <c>ungp-hria</c> assessments that the project does not have yet, newest first.</summary>
    public async Task<IReadOnlyList<Assessment>> LinkableAsync(Guid projectId, CancellationToken cancellationToken)
    {
        var linked = db.HriaAssessments.Where(l => l.HriaProjectId == projectId).Select(l => l.AssessmentId);
        return await db.Assessments.AsNoTracking()
            .Where(a => a.MethodologyKey == Methodology && !linked.Contains(a.Id))
            .OrderByDescending(a => a.CreatedAt)
            .Take(200)
            .ToListAsync(cancellationToken);
    }

    private async Task<CommandOutcome> LinkAsync(CommandActor actor, HriaProject project, Guid assessmentId, CancellationToken cancellationToken)
    {
        db.HriaAssessments.Add(new HriaAssessment
        {
            OrganizationId = actor.OrganizationId,
            HriaProjectId = project.Id,
            AssessmentId = assessmentId,
            LinkedByUserId = actor.UserId,
            LinkedAt = Now,
        });
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "hria.assessment-linked", "hria-project", project.Id.ToString("N"), $"assessment {assessmentId:N}"),
            cancellationToken);
        return CommandOutcome.Done(assessmentId);
    }

    private async Task<FieldErrors> ApplyAsync(HriaProject project, HriaInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!HrddInput.TryParse<SubjectKind>(input.SubjectKind, out var kind))
        {
            errors.Add("subjectKind", text["Hria.SubjectKindInvalid"]);
        }

        var name = HrddInput.Text(input.SubjectName);
        if (name is null || name.Length > HriaProject.SubjectNameMaxLength)
        {
            errors.Add("subjectName", text["Hria.SubjectNameInvalid", HriaProject.SubjectNameMaxLength]);
        }

        string? country = null;
        if (HrddInput.Text(input.Country) is { } countryText)
        {
            if (Country.TryParse(countryText, out var parsed))
            {
                country = parsed.Alpha2;
            }
            else
            {
                errors.Add("country", text["Field.CountryInvalid", countryText]);
            }
        }
        else if (kind == SubjectKind.Market)
        {
            errors.Add("country", text["Hria.CountryRequired"]);
        }

        if (!HrddInput.TryParse<HriaTrigger>(input.Trigger, out var trigger))
        {
            errors.Add("trigger", text["Hria.TriggerInvalid"]);
        }

        if (!HrddInput.TryParse<LifecycleStage>(input.Stage, out var stage))
        {
            errors.Add("stage", text["Hria.StageInvalid"]);
        }

        if (!HrddInput.TryParse<HriaStatus>(input.Status, out var status))
        {
            errors.Add("status", text["Hria.StatusInvalid"]);
        }

        var startsOn = HrddInput.Date(input.StartsOn, "startsOn", text["Hria.StartsOn"], errors, text);
        var endsOn = HrddInput.Date(input.EndsOn, "endsOn", text["Hria.EndsOn"], errors, text);
        if (startsOn is { } start && endsOn is { } end && end < start)
        {
            errors.Add("endsOn", text["Hria.EndsBeforeStart"]);
        }

        Guid? lead = null;
        if (HrddInput.Text(input.Lead) is { } leadText)
        {
            if (Guid.TryParse(leadText, out var leadId) && await HrddMembers.IsMemberAsync(db, leadId, cancellationToken))
            {
                lead = leadId;
            }
            else
            {
                errors.Add("lead", text["Field.MemberInvalid", text["Hria.Lead"]]);
            }
        }

        var description = HrddInput.Text(input.Description) ?? "";
        if (description.Length > HriaProject.DescriptionMaxLength)
        {
            errors.Add("description", text["Field.TooLong", text["Hria.Description"], HriaProject.DescriptionMaxLength]);
        }

        if (errors.Any)
        {
            return errors;
        }

        (project.SubjectKind, project.SubjectName, project.CountryCode) = (kind, name!, kind == SubjectKind.Market ? country : null);
        (project.Trigger, project.Stage, project.Status) = (trigger, stage, status);
        (project.StartsOn, project.EndsOn, project.LeadUserId, project.Description) = (startsOn, endsOn, lead, description);
        return errors;
    }

    private static string Summary(HriaProject p) =>
        $"{HrddInput.Code(p.SubjectKind)} {p.SubjectName}{(p.CountryCode is null ? "" : $" ({p.CountryCode})")}; trigger {HrddInput.Code(p.Trigger)}; stage {HrddInput.Code(p.Stage)}; status {HrddInput.Code(p.Status)}";
}
