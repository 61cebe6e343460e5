using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Features.Assessments;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Features.Hrdd;

public sealed class CommitmentElementForm
{
    public string? Status { get; set; }

    public string? Evidence { get; set; }

    public string? EvidenceUrl { get; set; }

    public string? On { get; set; }
}

/// <summary>The policy commitment form: the commitment's own fields and one entry per GP16 element, in order.</summary>
public sealed class CommitmentForm
{
    public string? Title { get; set; }

    public string? PublicUrl { get; set; }

    public string? ApprovedOn { get; set; }

    public string? Approver { get; set; }

    public List<CommitmentElementForm> Elements { get; set; } = [];

    /// <summary>The concurrency token the form was shown with; empty when no commitment existed yet.</summary>
    public Guid? Version { get; set; }

    public CommitmentInput ToInput() =>
        new(Title, PublicUrl, ApprovedOn, Approver, [.. Elements.Select(e => new CommitmentElementInput(e.Status, e.Evidence, e.EvidenceUrl, e.On))]);

    public static CommitmentForm From(CommitmentView view) => new()
    {
        Title = view.Commitment?.Title,
        PublicUrl = view.Commitment?.PublicUrl,
        ApprovedOn = HrddInput.Iso(view.Commitment?.ApprovedOn),
        Approver = view.Commitment?.Approver,
        Version = view.Commitment?.ConcurrencyToken,
        Elements = [.. view.Elements.Select(e => new CommitmentElementForm
        {
            Status = HrddInput.Code(e.Status),
            Evidence = e.Evidence,
            EvidenceUrl = e.EvidenceUrl,
            On = HrddInput.Iso(e.On),
        })],
    };
}

/// <summary>The HRIA project form, shared by the new page and the project page (<c>_HriaFields</c>).</summary>
public sealed class HriaForm
{
    public string? SubjectKind { get; set; }

    public string? SubjectName { get; set; }

    public string? Country { get; set; }

    public string? Trigger { get; set; }

    public string? Stage { get; set; }

    public string? Status { get; set; }

    public string? StartsOn { get; set; }

    public string? EndsOn { get; set; }

    public string? Lead { get; set; }

    public string? Description { get; set; }

    public Guid? Version { get; set; }

    public HriaInput ToInput() => new(SubjectKind, SubjectName, Country, Trigger, Stage, Status, StartsOn, EndsOn, Lead, Description);

    public static HriaForm From(HriaProject p) => new()
    {
        SubjectKind = HrddInput.Code(p.SubjectKind),
        SubjectName = p.SubjectName,
        Country = p.CountryCode,
        Trigger = HrddInput.Code(p.Trigger),
        Stage = HrddInput.Code(p.Stage),
        Status = HrddInput.Code(p.Status),
        StartsOn = HrddInput.Iso(p.StartsOn),
        EndsOn = HrddInput.Iso(p.EndsOn),
        Lead = p.LeadUserId?.ToString(),
        Description = p.Description,
        Version = p.ConcurrencyToken,
    };
}

/// <summary>The salient issue form (<c>_SalientIssueFields</c>): the register's fields and an impact's fields.</summary>
public sealed class SalientIssueForm
{
    public string? Title { get; set; }

    public string? RightKey { get; set; }

    public List<string> Groups { get; set; } = [];

    public string? Product { get; set; }

    public string? Country { get; set; }

    public string? Involvement { get; set; }

    public string? Description { get; set; }

    public string? Occurrence { get; set; }

    public string? Scale { get; set; }

    public string? Scope { get; set; }

    public string? Irremediability { get; set; }

    public string? Likelihood { get; set; }

    public string? Status { get; set; }

    public string? Owner { get; set; }

    public Guid? Version { get; set; }

    public SalientIssueInput ToInput() => new(Title, Product, Country, Status, Owner, new SalientImpactForm
    {
        RightKey = RightKey,
        Groups = Groups,
        Involvement = Involvement,
        Description = Description,
        Occurrence = Occurrence,
        Scale = Scale,
        Scope = Scope,
        Irremediability = Irremediability,
        Likelihood = Likelihood,
    });

    public static SalientIssueForm From(SalientIssue i) => new()
    {
        Title = i.Title,
        RightKey = i.RightKey,
        Groups = [.. i.GroupKeys],
        Product = i.Product,
        Country = i.CountryCode,
        Involvement = SalientImpactForm.KeyOf(i.Involvement),
        Description = i.Description,
        Occurrence = i.Actual ? SalientImpactForm.ActualValue : SalientImpactForm.PotentialValue,
        Scale = i.Scale.ToString(CultureInfo.InvariantCulture),
        Scope = i.Scope.ToString(CultureInfo.InvariantCulture),
        Irremediability = i.Irremediability.ToString(CultureInfo.InvariantCulture),
        Likelihood = i.Likelihood?.ToString(CultureInfo.InvariantCulture),
        Status = HrddInput.Code(i.Status),
        Owner = i.OwnerUserId?.ToString(),
        Version = i.ConcurrencyToken,
    };
}

/// <summary>How the due diligence pages answer a command that did not succeed: field errors and a 400, a 409, or a 404.</summary>
public static class HrddOutcomes
{
    public static IActionResult Failed(PageModel page, CommandOutcome outcome)
    {
        switch (outcome.Status)
        {
            case CommandStatus.NotFound:
                return page.NotFound();
            case CommandStatus.Conflict:
                page.ModelState.AddModelError("", outcome.Message!);
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return page.Page();
            default:
                page.ModelState.AddModelError("", outcome.Message!);
                foreach (var (key, messages) in outcome.Errors)
                {
                    foreach (var message in messages)
                    {
                        page.ModelState.AddModelError(HrddInput.Field(key), message);
                    }
                }

                return page.InvalidForm();
        }
    }
}
