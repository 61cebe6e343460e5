using Microsoft.EntityFrameworkCore;
using Rightscope.Core.Assessments;
using Rightscope.Core.Companies;
using Rightscope.Core.Methodologies;
using Rightscope.Data;
using Rightscope.Features.Assessments;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.Companies;

/// <summary>
/// Which assessments are about which registry company. An assessment names its company by id
/// (<see cref="Assessment.CompanyId"/>), set when it is started from the company, given through the API, or when its
/// subject name matches exactly one company. Assessments from before that link existed (no company id) still count
/// when their subject name is one of the company's names — each side of an "English · 中文" subject, without the
/// fictional mark.
/// </summary>
public sealed class CompanyAssessments(RightscopeDbContext db, MethodologyRegistry registry)
{
    /// <summary>A company's current approved assessment: its tier, the methodology's recommended decision for that tier, and the approval date.</summary>
    public sealed record Current(Guid Id, int? Tier, string? Decision, DateOnly? On, Core.Methodologies.LocalizedText? DecisionTitle = null);

    /// <summary>Each company's most recently approved assessment (approval supersedes the previous one), with a fixed number of queries.</summary>
    public async Task<IReadOnlyDictionary<Guid, Current>> CurrentAsync(IEnumerable<Company> companies, CancellationToken cancellationToken)
    {
        var list = companies.ToList();
        var ids = list.Select(c => c.Id).Distinct().ToList();
        var approved = db.Assessments.AsNoTracking().Where(a => a.Status == AssessmentStatus.Approved);
        var linked = await approved
            .Where(a => a.CompanyId != null && ids.Contains(a.CompanyId.Value))
            .Select(a => new Row(a.Id, a.CompanyId, a.SubjectName, a.Tier, a.MethodologyKey, a.MethodologyVersion, a.ApprovedAt))
            .ToListAsync(cancellationToken);
        var unlinked = await approved
            .Where(a => a.CompanyId == null && a.SubjectKind == SubjectKind.Company)
            .Select(a => new Row(a.Id, a.CompanyId, a.SubjectName, a.Tier, a.MethodologyKey, a.MethodologyVersion, a.ApprovedAt))
            .ToListAsync(cancellationToken);
        var byName = NameIndex(list);
        var candidates = linked.Select(r => (CompanyId: r.CompanyId!.Value, Row: r))
            .Concat(unlinked.Select(r => (CompanyId: MatchName(byName, r.SubjectName) ?? Guid.Empty, Row: r)).Where(c => c.CompanyId != Guid.Empty));

        var available = await registry.AvailableAsync(db, cancellationToken);
        var result = new Dictionary<Guid, Current>();
        foreach (var (companyId, row) in candidates.OrderByDescending(c => c.Row.ApprovedAt).ThenByDescending(c => c.Row.Id))
        {
            if (result.ContainsKey(companyId))
            {
                continue;
            }

            var methodology = MethodologyRegistry.Find(available, $"{row.MethodologyKey}@{row.MethodologyVersion}")?.Methodology;
            var rule = methodology?.Decisions.FirstOrDefault(d => d.Tier == row.Tier);
            result[companyId] = new Current(
                row.Id, row.Tier, rule?.Decision.ToString().ToLowerInvariant(), row.ApprovedAt is { } at ? DateOnly.FromDateTime(at) : null, rule?.Title);
        }

        return result;
    }

    /// <summary>Every assessment of the company in any status, newest first: its tier history.</summary>
    public async Task<IReadOnlyList<Assessment>> AllAsync(Company company, CancellationToken cancellationToken)
    {
        var linked = await db.Assessments.AsNoTracking().Where(a => a.CompanyId == company.Id).ToListAsync(cancellationToken);
        var byName = NameIndex([company]);
        var unlinked = (await db.Assessments.AsNoTracking()
                .Where(a => a.CompanyId == null && a.SubjectKind == SubjectKind.Company)
                .ToListAsync(cancellationToken))
            .Where(a => MatchName(byName, a.SubjectName) == company.Id);
        return [.. linked.Concat(unlinked).OrderByDescending(a => a.ApprovedAt ?? a.CreatedAt).ThenByDescending(a => a.Id)];
    }

    /// <summary>The one company of the organization whose name the subject name is, or null when none or several are.</summary>
    public async Task<Guid?> MatchAsync(string subjectName, CancellationToken cancellationToken)
    {
        var keys = SubjectKeys(subjectName).ToList();
        var matches = await db.Companies.AsNoTracking()
            .Where(c => keys.Contains(c.NormalizedName) || (c.NormalizedAltName != null && keys.Contains(c.NormalizedAltName)))
            .Select(c => c.Id)
            .OrderBy(id => id)
            .Take(2)
            .ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Links each company assessment to the one company its subject name names, when exactly one does (the demo seeds this way).</summary>
    public static void LinkByName(IEnumerable<Assessment> assessments, IReadOnlyCollection<Company> companies)
    {
        var byName = NameIndex(companies);
        foreach (var assessment in assessments.Where(a => a.CompanyId is null && a.SubjectKind == SubjectKind.Company))
        {
            assessment.CompanyId = MatchName(byName, assessment.SubjectName);
        }
    }

    /// <summary>The normalized names a subject name may stand for: the whole, and each side of "English · 中文".</summary>
    public static IEnumerable<string> SubjectKeys(string subjectName)
    {
        var parts = subjectName.Split('·', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Prepend(subjectName)
            .Select(p => CompanyName.Normalize(WithoutFictionalMark(p)))
            .Where(k => k.Length > 0)
            .Distinct(StringComparer.Ordinal);
    }

    public static string WithoutFictionalMark(string name) => name
        .Replace(Demo.DemoAssessments.FictionalMarkEnglish, "", StringComparison.Ordinal)
        .Replace($"（{Demo.DemoAssessments.FictionalMarkChinese}）", "", StringComparison.Ordinal)
        .Trim();

    private sealed record Row(Guid Id, Guid? CompanyId, string SubjectName, int? Tier, string MethodologyKey, string MethodologyVersion, DateTime? ApprovedAt);

    /// <summary>Normalized name → company, with names two companies share left out (they identify neither).</summary>
    private static Dictionary<string, Guid?> NameIndex(IEnumerable<Company> companies)
    {
        var index = new Dictionary<string, Guid?>(StringComparer.Ordinal);
        foreach (var company in companies)
        {
            foreach (var name in new[] { company.NormalizedName, company.NormalizedAltName })
            {
                if (string.IsNullOrEmpty(name))
                {
                    continue;
                }

                index[name] = index.TryGetValue(name, out var other) && other != company.Id ? null : company.Id;
            }
        }

        return index;
    }

    private static Guid? MatchName(Dictionary<string, Guid?> byName, string subjectName)
    {
        var found = SubjectKeys(subjectName).Select(k => byName.GetValueOrDefault(k)).Where(id => id is not null).Distinct().ToList();
        return found.Count == 1 ? found[0] : null;
    }
}
