using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Rightscope.Core.Accounts;
using Rightscope.Core.Assessments;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Features.Methodologies;
using Rightscope.Infrastructure.Tenancy;

namespace Rightscope.Features.Assessments;

/// <summary>
/// What a re-assessment changed against the assessment it replaces: total and tier, red flags, node scores,
/// answers, evidence and impacts. Either side may use another methodology version; items are matched by key.
/// </summary>
[RequirePermission(Permission.ReadWorkspace)]
public sealed class AssessmentChangesModel(AssessmentStore store, MethodologyRegistry registry, OrganizationContext context) : PageModel
{
    public LoadedAssessment Current { get; private set; } = null!;

    public LoadedAssessment Previous { get; private set; } = null!;

    public AssessmentChanges Changes { get; private set; } = null!;

    public SetChange<string> EvidenceChanges { get; private set; } = null!;

    public SetChange<string> ImpactChanges { get; private set; } = null!;

    /// <summary>Impacts recorded on both sides (same right, involvement and groups) whose ratings differ.</summary>
    public IReadOnlyList<(SalientImpact Before, SalientImpact After)> ChangedImpacts { get; private set; } = [];

    public string Slug => context.Current.Slug;

    public string Language => MethodologyLanguage.Current;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var current = await store.LoadAsync(id, track: false, cancellationToken);
        if (current?.Assessment.PreviousAssessmentId is not { } previousId
            || await store.LoadAsync(previousId, track: false, cancellationToken) is not { } previous)
        {
            return NotFound();
        }

        (Current, Previous) = (current, previous);
        Changes = AssessmentComparison.Compare(Side(previous), Side(current));
        EvidenceChanges = AssessmentComparison.Sets(previous.Evidence.Select(EvidenceKey), current.Evidence.Select(EvidenceKey));
        ImpactChanges = AssessmentComparison.Sets(previous.Impacts.Select(ImpactKey), current.Impacts.Select(ImpactKey));
        ChangedImpacts = [.. current.Impacts
            .Select(after => (Before: previous.Impacts.FirstOrDefault(b => ImpactKey(b) == ImpactKey(after)), After: after))
            .Where(pair => pair.Before is not null && Rating(pair.Before) != Rating(pair.After))
            .Select(pair => (pair.Before!, pair.After))];
        return Page();
    }

    /// <summary>The title of a node in whichever version has it (the current one first).</summary>
    public string NodeTitle(string key) =>
        (Find(Current.Methodology, key) ?? Find(Previous.Methodology, key))?.Title.In(Language) ?? key;

    public string OptionTitle(string item, string? option, bool before)
    {
        if (option is null)
        {
            return "—";
        }

        var methodology = before ? Previous.Methodology : Current.Methodology;
        var set = Find(methodology, item)?.AnswerSet is { } setKey ? methodology.AnswerSets.FirstOrDefault(s => s.Key == setKey) : null;
        return set?.Find(option)?.Title.In(Language) ?? option;
    }

    /// <summary>"Right to privacy — contribute — users, general public" in the reader's language.</summary>
    public string ImpactLabel(SalientImpact impact)
    {
        string Title(string catalog, string key) => registry.Shipped.Reference(catalog)?.Find(key)?.Title.In(Language) ?? key;
        var groups = string.Join(", ", impact.GroupKeys.Select(g => Title(AssessmentImpactsModel.GroupsCatalog, g)));
        return $"{Title(AssessmentImpactsModel.RightsCatalog, impact.RightKey)} — {Title(AssessmentImpactsModel.InvolvementCatalog, SalientImpactForm.KeyOf(impact.Involvement))} — {groups}";
    }

    public static string Number(double? value) => value?.ToString("0.##", CultureInfo.CurrentCulture) ?? "—";

    /// <summary>Evidence is the same source when it supports the same item with the same title and address.</summary>
    public static string EvidenceKey(Evidence evidence) => $"{evidence.ItemKey} · {evidence.Title} · {evidence.Url}";

    public static string ImpactKey(SalientImpact impact) =>
        $"{impact.RightKey} · {SalientImpactForm.KeyOf(impact.Involvement)} · {string.Join(",", impact.GroupKeys.Order(StringComparer.Ordinal))}";

    public static string Rating(SalientImpact impact) =>
        string.Create(CultureInfo.InvariantCulture, $"{(impact.Actual ? "actual" : "potential")} {impact.Scale}/{impact.Scope}/{impact.Irremediability} likelihood {impact.Likelihood?.ToString(CultureInfo.InvariantCulture) ?? "—"}");

    private static ComparedSide Side(LoadedAssessment loaded) =>
        new([.. loaded.Answers.Select(a => new Answer(a.ItemKey, a.Component, a.OptionKey, []))], loaded.Result);

    private static Node? Find(Methodology methodology, string key) =>
        methodology.Structure.SelectMany(n => n.DescendantsAndSelf()).FirstOrDefault(n => n.Key == key);
}
