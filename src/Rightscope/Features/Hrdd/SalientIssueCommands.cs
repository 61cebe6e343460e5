using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies.Loading;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Hrdd;

/// <summary>A salient issue as the form sends it; the impact fields are those of <see cref="SalientImpactForm"/>.</summary>
public sealed record SalientIssueInput(
    string? Title,
    string? Product,
    string? Country,
    string? Status,
    string? Owner,
    SalientImpactForm Impact);

/// <summary>
/// Records and edits salient issues. The right, groups, involvement and ratings are checked exactly as an
/// assessment's salient impact is (<see cref="SalientImpactForm"/>, under the default UNGP severity model), the market
/// against ISO 3166-1 and the owner against the organization's members. An issue can also be taken from an impact
/// of an assessment linked to an HRIA project, copying its fields.
/// </summary>
public sealed class SalientIssueCommands(
    RightscopeDbContext db,
    MethodologyRegistry registry,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<HrddText> text,
    IStringLocalizer<AssessmentsText> impactText)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public ReferenceCatalog Rights => Reference(AssessmentImpactsModel.RightsCatalog);

    public ReferenceCatalog Groups => Reference(AssessmentImpactsModel.GroupsCatalog);

    public async Task<CommandOutcome> CreateAsync(CommandActor actor, SalientIssueInput input, CancellationToken cancellationToken)
    {
        var issue = new SalientIssue { OrganizationId = actor.OrganizationId, Title = "", RightKey = "", CreatedByUserId = actor.UserId, CreatedAt = Now };
        var errors = await ApplyAsync(issue, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        issue.UpdatedAt = issue.CreatedAt;
        db.SalientIssues.Add(issue);
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "salient-issue.created", "salient-issue", issue.Id.ToString("N"), Summary(issue)),
            cancellationToken);
        return CommandOutcome.Done(issue.Id);
    }

    public async Task<CommandOutcome> UpdateAsync(CommandActor actor, Guid id, Guid version, SalientIssueInput input, CancellationToken cancellationToken)
    {
        var issue = await db.SalientIssues.SingleOrDefaultAsync(i => i.Id == id, cancellationToken);
        if (issue is null)
        {
            return CommandOutcome.NotFound();
        }

        if (issue.ConcurrencyToken != version)
        {
            return CommandOutcome.Conflict(text["Issue.Conflict"]);
        }

        var before = Summary(issue);
        var errors = await ApplyAsync(issue, input, cancellationToken);
        if (errors.Any)
        {
            return CommandOutcome.Invalid(text["Form.NothingSaved"], errors);
        }

        db.Entry(issue).Property(i => i.ConcurrencyToken).OriginalValue = version;
        issue.ConcurrencyToken = Guid.NewGuid();
        issue.UpdatedAt = Now;
        try
        {
            await audit.SaveChangesAsync(
                new AuditRecord(actor.OrganizationId, actor.Audit, "salient-issue.updated", "salient-issue", issue.Id.ToString("N"), $"{before} → {Summary(issue)}"),
                cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandOutcome.Conflict(text["Issue.Conflict"]);
        }

        return CommandOutcome.Done(issue.Id);
    }

    /// <summary>
    /// Takes an impact of an assessment linked to the HRIA project into the register. Taking the same impact twice
    /// gives the issue already taken, so a repeated click writes nothing.
    /// </summary>
    public async Task<CommandOutcome> TakeImpactAsync(CommandActor actor, Guid projectId, Guid impactId, string language, CancellationToken cancellationToken)
    {
        var project = await db.HriaProjects.AsNoTracking().SingleOrDefaultAsync(p => p.Id == projectId, cancellationToken);
        var impact = await db.SalientImpacts.AsNoTracking().SingleOrDefaultAsync(i => i.Id == impactId, cancellationToken);
        if (project is null || impact is null
            || !await db.HriaAssessments.AnyAsync(l => l.HriaProjectId == projectId && l.AssessmentId == impact.AssessmentId, cancellationToken))
        {
            return CommandOutcome.NotFound();
        }

        if (await db.SalientIssues.AsNoTracking().Where(i => i.SourceImpactId == impactId).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            return CommandOutcome.Done(existing);
        }

        var right = Rights.Find(impact.RightKey)?.Title.In(language) ?? impact.RightKey;
        var title = $"{right} — {project.SubjectName}";
        var now = Now;
        var issue = new SalientIssue
        {
            OrganizationId = actor.OrganizationId,
            Title = title.Length > SalientIssue.TitleMaxLength ? title[..SalientIssue.TitleMaxLength] : title,
            RightKey = impact.RightKey,
            Groups = impact.Groups,
            Product = project.SubjectKind is Core.Methodologies.SubjectKind.Product or Core.Methodologies.SubjectKind.Service ? project.SubjectName : null,
            CountryCode = project.CountryCode,
            Involvement = impact.Involvement,
            Description = impact.Description,
            Actual = impact.Actual,
            Scale = impact.Scale,
            Scope = impact.Scope,
            Irremediability = impact.Irremediability,
            Likelihood = impact.Actual ? null : impact.Likelihood,
            HriaProjectId = project.Id,
            SourceImpactId = impact.Id,
            CreatedByUserId = actor.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.SalientIssues.Add(issue);
        await audit.SaveChangesAsync(
            new AuditRecord(actor.OrganizationId, actor.Audit, "salient-issue.taken-from-impact", "salient-issue", issue.Id.ToString("N"),
                $"{Summary(issue)}; from impact {impact.EngineId} of assessment {impact.AssessmentId:N}, HRIA {project.Id:N}"),
            cancellationToken);
        return CommandOutcome.Done(issue.Id);
    }

    private async Task<FieldErrors> ApplyAsync(SalientIssue issue, SalientIssueInput input, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var title = HrddInput.Text(input.Title);
        if (title is null || title.Length > SalientIssue.TitleMaxLength)
        {
            errors.Add("title", text["Issue.TitleInvalid", SalientIssue.TitleMaxLength]);
        }

        // The impact fields are validated as an assessment's impact is, on a scratch record, then copied.
        var scratch = new SalientImpact { RightKey = "", Description = "" };
        foreach (var error in input.Impact.ApplyTo(scratch, Rights, Groups, Severity.Default))
        {
            errors.Add(char.ToLowerInvariant(error.Field[0]) + error.Field[1..], impactText[error.Key, error.Arguments]);
        }

        var product = HrddInput.Text(input.Product);
        if (product?.Length > SalientIssue.ProductMaxLength)
        {
            errors.Add("product", text["Field.TooLong", text["Issue.Product"], SalientIssue.ProductMaxLength]);
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

        if (!HrddInput.TryParse<SalientIssueStatus>(input.Status, out var status))
        {
            errors.Add("status", text["Issue.StatusInvalid"]);
        }

        Guid? owner = null;
        if (HrddInput.Text(input.Owner) is { } ownerText)
        {
            if (Guid.TryParse(ownerText, out var ownerId) && await HrddMembers.IsMemberAsync(db, ownerId, cancellationToken))
            {
                owner = ownerId;
            }
            else
            {
                errors.Add("owner", text["Field.MemberInvalid", text["Issue.Owner"]]);
            }
        }

        if (errors.Any)
        {
            return errors;
        }

        (issue.Title, issue.Product, issue.CountryCode, issue.Status, issue.OwnerUserId) = (title!, product, country, status, owner);
        (issue.RightKey, issue.Groups, issue.Involvement, issue.Description) = (scratch.RightKey, scratch.Groups, scratch.Involvement, scratch.Description);
        (issue.Actual, issue.Scale, issue.Scope, issue.Irremediability, issue.Likelihood) = (scratch.Actual, scratch.Scale, scratch.Scope, scratch.Irremediability, scratch.Likelihood);
        return errors;
    }

    private ReferenceCatalog Reference(string key) =>
        registry.Shipped.Reference(key) ?? throw new InvalidOperationException($"the catalog has no '{key}' reference list");

    internal static string Summary(SalientIssue i)
    {
        var rating = SalientIssueRegister.Prioritize([i])[0];
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{i.Title}; right {i.RightKey}; {SalientImpactForm.KeyOf(i.Involvement)}; {(i.Actual ? "actual" : $"potential, likelihood {i.Likelihood}")}; severity {rating.Severity:0.##}; status {HrddInput.Code(i.Status)}; product {i.Product ?? "-"}; market {i.CountryCode ?? "-"}; owner {i.OwnerUserId?.ToString("N") ?? "-"}");
    }
}
