using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Rightscope.Core.HumanRightsReports;
using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using Rightscope.Data;
using Rightscope.Features.Hrdd;
using Rightscope.Features.Methodologies;

namespace Rightscope.Features.HumanRightsReports;

/// <summary>
/// The salient issues a report covers (every issue of the register that is not closed), in the engine's UNGP 24 order,
/// and their facts: the statement of salient issues (B1), the focal geographies where they arise (B3) and, for each
/// issue, its profile as rated (C3).
/// </summary>
public sealed class SalientIssueFacts(RightscopeDbContext db, MethodologyRegistry registry) : IReportFactsContributor
{
    public const string SourceName = "salient-issues";

    public string Source => SourceName;

    /// <summary>The register's open issues in severity order, as the report names them.</summary>
    public async Task<IReadOnlyList<ReportIssue>> IssuesAsync(CancellationToken cancellationToken) =>
        Describe(await LoadAsync(cancellationToken), registry);

    public async Task ContributeAsync(ReportFactsContext context, CancellationToken cancellationToken)
    {
        var issues = (await LoadAsync(cancellationToken)).ToDictionary(i => i.EngineId);
        Add(context, [.. context.Issues.Where(i => issues.ContainsKey(i.Id)).Select(i => issues[i.Id])], registry);
    }

    private async Task<List<SalientIssue>> LoadAsync(CancellationToken cancellationToken) =>
        await db.SalientIssues.AsNoTracking().Where(i => i.Status != SalientIssueStatus.Closed).ToListAsync(cancellationToken);

    /// <summary>The issues in the engine's order; an issue whose ratings are incomplete follows the rated ones by title.</summary>
    public static IReadOnlyList<SalientIssue> Ordered(IEnumerable<SalientIssue> issues)
    {
        var all = issues.ToList();
        var rated = all.Where(Rated).ToDictionary(i => i.EngineId);
        var order = Severity.Prioritize(rated.Values.Select(i => i.ToInput()), Severity.Default);
        return [.. order.Select(r => rated[r.Id]), .. all.Where(i => !Rated(i)).OrderBy(i => i.Title, StringComparer.Ordinal)];
    }

    public static IReadOnlyList<ReportIssue> Describe(IEnumerable<SalientIssue> issues, MethodologyRegistry registry)
    {
        var rights = registry.Shipped.Reference(CatalogNames.Rights);
        return [.. Ordered(issues).Select(i => new ReportIssue(i.EngineId, i.Title, i.RightKey, Title(rights, i.RightKey)))];
    }

    /// <summary>The facts of <paramref name="issues"/> (in report order); also used by the demo before anything is saved.</summary>
    public static void Add(ReportFactsContext context, IReadOnlyList<SalientIssue> issues, MethodologyRegistry registry)
    {
        var rights = registry.Shipped.Reference(CatalogNames.Rights);
        var groups = registry.Shipped.Reference(CatalogNames.Groups);
        var ordered = Ordered(issues);
        if (ordered.Count == 0)
        {
            return;
        }

        var ratings = Severity.Prioritize(ordered.Where(Rated).Select(i => i.ToInput()), Severity.Default).ToDictionary(r => r.Id);
        var statement = new SectionRef("B1", null);
        context.Add(ReportFact.Table(statement, SourceName, new("Salient human rights issues, most severe first", "突出人权问题（按严重程度从高到低排列）"),
            [new("No.", "序号"), new("Issue", "问题"), new("Human right", "人权"), new("Severity (1–5)", "严重程度（1–5）"), new("Involvement", "参与方式"), new("Impact", "影响"), new("Status", "状态")],
            ordered.Select((issue, index) => (IReadOnlyList<Bilingual>)
            [
                Bilingual.Same((index + 1).ToString(CultureInfo.InvariantCulture)),
                Bilingual.Same(issue.Title),
                Title(rights, issue.RightKey),
                SeverityText(ratings.GetValueOrDefault(issue.EngineId)),
                InvolvementText(issue.Involvement),
                issue.Actual ? new("actual", "实际影响") : new("potential", "潜在影响"),
                StatusText(issue.Status),
            ]),
            new("Order and severity from the UNGP severity model: the highest of scale, scope and irremediable character; ties broken by their mean, irremediability and likelihood.",
                "排序和严重程度依据《指导原则》的严重程度模型：取规模、范围和不可补救性中的最高值；相同时依次比较平均值、不可补救性和可能性。")));

        var markets = ordered.Where(i => !string.IsNullOrEmpty(i.CountryCode))
            .GroupBy(i => i.CountryCode!.ToUpperInvariant())
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (markets.Count > 0)
        {
            context.Add(ReportFact.Table(new SectionRef("B3", null), SourceName, new("Markets where salient issues arise", "产生突出人权问题的市场"),
                [new("Country or territory", "国家或地区"), new("Salient issues", "突出人权问题数量")],
                markets.Select(g => (IReadOnlyList<Bilingual>)[CountryNames.Of(g.Key), Bilingual.Same(g.Count().ToString(CultureInfo.InvariantCulture))])));
        }

        foreach (var issue in ordered)
        {
            var place = new SectionRef("C3", issue.EngineId);
            if (context.Issues.All(i => i.Id != issue.EngineId))
            {
                continue;
            }

            var rating = ratings.GetValueOrDefault(issue.EngineId);
            var groupNames = issue.GroupKeys.Select(k => Title(groups, k)).ToList();
            List<IReadOnlyList<Bilingual>> rows =
            [
                [new("Severity", "严重程度"), SeverityText(rating)],
                [new("Scale / scope / irremediable character", "规模 / 范围 / 不可补救性"), Bilingual.Same(string.Create(CultureInfo.InvariantCulture, $"{issue.Scale} / {issue.Scope} / {issue.Irremediability}"))],
                [new("Impact", "影响"), issue.Actual ? new("actual", "实际影响") : new("potential", "潜在影响")],
            ];
            if (!issue.Actual && issue.Likelihood is { } likelihood)
            {
                rows.Add([new("Likelihood (1–5)", "可能性（1–5）"), Bilingual.Same(likelihood.ToString(CultureInfo.InvariantCulture))]);
            }

            rows.Add([new("Involvement", "参与方式"), InvolvementText(issue.Involvement)]);
            rows.Add([new("Affected groups", "受影响群体"), groupNames.Count == 0
                ? new("not specified", "未指明")
                : new(string.Join(", ", groupNames.Select(g => g.En)), string.Join("、", groupNames.Select(g => g.Zh)))]);
            rows.Add([new("Product or service", "产品或服务"), issue.Product is { Length: > 0 } product ? Bilingual.Same(product) : new("the whole company", "整个公司")]);
            rows.Add([new("Market", "市场"), issue.CountryCode is { Length: > 0 } country ? CountryNames.Of(country) : new("not tied to one country", "不限于某一国家")]);
            rows.Add([new("Status", "状态"), StatusText(issue.Status)]);
            context.Add(ReportFact.Table(place, SourceName, new("How the issue is rated", "问题评级"), [new("Aspect", "方面"), new("Value", "内容")], rows));
        }
    }

    private static bool Rated(SalientIssue issue) =>
        issue.Scale is >= 1 and <= 5 && issue.Scope is >= 1 and <= 5 && issue.Irremediability is >= 1 and <= 5
        && (issue.Actual || issue.Likelihood is null or (>= 1 and <= 5));

    private static Bilingual SeverityText(ImpactRating? rating) => rating is null
        ? new("not rated", "未评级")
        : rating.IsSevere
            ? new(string.Create(CultureInfo.InvariantCulture, $"{rating.Severity:0.#} (severe)"), string.Create(CultureInfo.InvariantCulture, $"{rating.Severity:0.#}（严重）"))
            : Bilingual.Same(rating.Severity.ToString("0.#", CultureInfo.InvariantCulture));

    public static Bilingual InvolvementText(Involvement involvement) => involvement switch
    {
        Involvement.Cause => new("cause", "造成"),
        Involvement.Contribute => new("contribute to", "促成"),
        Involvement.DirectlyLinked => new("directly linked", "直接关联"),
        _ => Bilingual.Same(involvement.ToString()),
    };

    private static Bilingual StatusText(SalientIssueStatus status) => status switch
    {
        SalientIssueStatus.Identified => new("identified", "已识别"),
        SalientIssueStatus.Addressing => new("being addressed", "正在处理"),
        SalientIssueStatus.Monitoring => new("monitoring", "监测中"),
        SalientIssueStatus.Closed => new("closed", "已结束"),
        _ => Bilingual.Same(status.ToString()),
    };

    public static Bilingual Title(Core.Methodologies.Loading.ReferenceCatalog? catalog, string key) =>
        catalog?.Find(key)?.Title is { } title ? new(title.In("en"), title.In("zh-Hans")) : Bilingual.Same(key);
}

/// <summary>The reference catalogs the report names rights and groups from.</summary>
public static class CatalogNames
{
    public const string Rights = "human-rights";

    public const string Groups = "affected-groups";
}

/// <summary>Country names in both languages from the platform's ICU data; the code itself when a name is unknown.</summary>
public static class CountryNames
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-Hans");

    public static Bilingual Of(string code)
    {
        try
        {
            var region = new RegionInfo(code);
            return new($"{In(region.Name, English)} ({region.Name})", $"{In(region.Name, Chinese)}（{region.Name}）");
        }
        catch (ArgumentException)
        {
            return Bilingual.Same(code);
        }
    }

    private static string In(string code, CultureInfo culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return new RegionInfo(code).DisplayName;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
