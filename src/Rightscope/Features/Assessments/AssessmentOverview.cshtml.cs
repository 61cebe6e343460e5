using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>
/// One assessment: its subject, status, score per node, tier, recommended decision and the whole derivation —
/// every number on this page can be traced to answers, weights and rules.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentOverviewModel(RightscopeDbContext db, AssessmentStore store, OrganizationContext context) : PageModel
{
    private Dictionary<string, Node> _nodes = [];

    public LoadedAssessment Loaded { get; private set; } = null!;

    public string Slug => context.Current.Slug;

    public string Language => MethodologyLanguage.Current;

    public bool CanSubmit => context.Allows(Permission.EditWorkspace) && Loaded.Assessment.Status == AssessmentStatus.Draft;

    public bool CanReview => context.Allows(Permission.Review) && Loaded.Assessment.Status == AssessmentStatus.InReview;

    public bool CanReassess => context.Allows(Permission.EditWorkspace) && Loaded.Assessment.Status == AssessmentStatus.Approved;

    /// <summary>The re-assessment started from this assessment, if any.</summary>
    public Guid? SuccessorId { get; private set; }

    public bool IsAuthor => Loaded.Assessment.AuthorUserId == context.Membership!.UserId;

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    public bool CanComment => AssessmentCommentsModel.MayComment(context);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var loaded = await store.LoadAsync(id, track: false, cancellationToken);
        if (loaded is null)
        {
            return NotFound();
        }

        Loaded = loaded;
        SuccessorId = await db.Assessments.AsNoTracking()
            .Where(a => a.PreviousAssessmentId == id).Select(a => (Guid?)a.Id).FirstOrDefaultAsync(cancellationToken);
        Comments = await store.CommentsAsync(id, cancellationToken);
        _nodes = loaded.Methodology.Structure.SelectMany(n => n.DescendantsAndSelf()).ToDictionary(n => n.Key, StringComparer.Ordinal);
        return Page();
    }

    public Node? NodeOf(string key) => _nodes.GetValueOrDefault(key);

    public string TitleOf(string key) => NodeOf(key)?.Title.In(Language) ?? key;

    public string OptionTitle(string item, string? option)
    {
        if (option is null)
        {
            return "—";
        }

        var set = NodeOf(item)?.AnswerSet is { } setKey ? Loaded.Methodology.AnswerSets.FirstOrDefault(s => s.Key == setKey) : null;
        return set?.Find(option)?.Title.In(Language) ?? option;
    }

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "—";
}
