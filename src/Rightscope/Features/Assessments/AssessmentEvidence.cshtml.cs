using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Data;
using Rightscope.Features.Audit;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>The evidence of an assessment, each source attached to the question it supports.</summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentEvidenceModel(
    RightscopeDbContext db,
    AssessmentStore store,
    OrganizationContext context,
    IAuthorizationService authorization,
    AuditTrail audit,
    TimeProvider clock,
    IStringLocalizer<AssessmentsText> text) : AssessmentCommandPage(store, context, authorization, audit, clock, text)
{
    public sealed class InputModel
    {
        public string? ItemKey { get; set; }

        public string? SourceKind { get; set; }

        public string? Title { get; set; }

        public string? Publisher { get; set; }

        public string? Url { get; set; }

        public string? PublishedOn { get; set; }

        public string? Excerpt { get; set; }

        public string? Reliability { get; set; }
    }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public string Language => MethodologyLanguage.Current;

    public bool CanEdit => Context.Allows(Permission.EditWorkspace) && AssessmentWorkflow.IsEditable(Loaded.Assessment.Status);

    public string TitleOf(string item) =>
        Loaded.Methodology.Items.FirstOrDefault(n => n.Key == item)?.Title.In(Language) ?? item;

    public async Task<IActionResult> OnGetAsync(Guid id, string? item, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.ReadWorkspace, track: false, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        Input.ItemKey = item;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        var lookup = await FindAsync(id, Permission.EditWorkspace, track: true, cancellationToken);
        if (lookup != Lookup.Found)
        {
            return Refuse(lookup);
        }

        var assessment = Loaded.Assessment;
        if (!AssessmentWorkflow.IsEditable(assessment.Status))
        {
            return Refused(Text["Section.NotDraft"]);
        }

        if (Input.ItemKey is null || !Loaded.Methodology.Items.Any(n => n.Key == Input.ItemKey))
        {
            ModelState.AddModelError("Input.ItemKey", Text["Evidence.ItemInvalid"]);
        }

        if (!Enum.TryParse<EvidenceSourceKind>(Input.SourceKind, ignoreCase: false, out var kind) || !Enum.IsDefined(kind))
        {
            ModelState.AddModelError("Input.SourceKind", Text["Evidence.SourceKindInvalid"]);
        }

        if (!Enum.TryParse<EvidenceReliability>(Input.Reliability, ignoreCase: false, out var reliability) || !Enum.IsDefined(reliability))
        {
            ModelState.AddModelError("Input.Reliability", Text["Evidence.ReliabilityInvalid"]);
        }

        var title = Input.Title?.Trim() ?? "";
        if (title.Length is 0 or > Evidence.TitleMaxLength)
        {
            ModelState.AddModelError("Input.Title", Text["Evidence.TitleInvalid", Evidence.TitleMaxLength]);
        }

        var publisher = Input.Publisher?.Trim() ?? "";
        if (publisher.Length > Evidence.PublisherMaxLength)
        {
            ModelState.AddModelError("Input.Publisher", Text["Evidence.PublisherTooLong", Evidence.PublisherMaxLength]);
        }

        var url = Input.Url?.Trim() ?? "";
        if (url.Length > 0 && (url.Length > Evidence.UrlMaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)))
        {
            ModelState.AddModelError("Input.Url", Text["Evidence.UrlInvalid"]);
        }

        DateOnly? publishedOn = null;
        if (!string.IsNullOrWhiteSpace(Input.PublishedOn))
        {
            if (DateOnly.TryParseExact(Input.PublishedOn.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                publishedOn = date;
            }
            else
            {
                ModelState.AddModelError("Input.PublishedOn", Text["Evidence.DateInvalid"]);
            }
        }

        var excerpt = Input.Excerpt?.Trim() ?? "";
        if (excerpt.Length > Evidence.ExcerptMaxLength)
        {
            ModelState.AddModelError("Input.Excerpt", Text["Evidence.ExcerptTooLong", Evidence.ExcerptMaxLength]);
        }

        if (!ModelState.IsValid)
        {
            return Refused(Text["Evidence.NothingSaved"]);
        }

        var evidence = new Evidence
        {
            OrganizationId = assessment.OrganizationId,
            AssessmentId = assessment.Id,
            ItemKey = Input.ItemKey!,
            SourceKind = kind,
            Title = title,
            Publisher = publisher.Length == 0 ? null : publisher,
            Url = url.Length == 0 ? null : url,
            PublishedOn = publishedOn,
            Excerpt = excerpt.Length == 0 ? null : excerpt,
            Reliability = reliability,
            AddedByUserId = UserId,
            AddedAt = Now,
        };
        db.Evidence.Add(evidence);
        return await SaveAsync("assessment.evidence-added", $"evidence {evidence.Id:N} ({kind}, {reliability}) for {evidence.ItemKey}", cancellationToken)
            ? Redirect($"{OverviewUrl(id)}/evidence?added=1")
            : Conflicted();
    }
}
