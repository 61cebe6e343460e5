using System.Globalization;
using System.Text;

namespace Rightscope.Core.Hrdd;

/// <summary>One logged engagement as the fatigue view counts it: its date, its organizations (normalized), its Global South flag.</summary>
public sealed record EngagementOccasion(DateOnly HeldOn, IReadOnlyCollection<string> Organizations, bool GlobalSouth);

/// <summary>How often one stakeholder organization was engaged in the window, and whether that reaches the threshold.</summary>
public sealed record OrganizationFatigue(string Organization, int Count, DateOnly LastEngagedOn, bool Flagged);

public sealed record FatigueReport(
    DateOnly From, DateOnly To, int Threshold, IReadOnlyList<OrganizationFatigue> Organizations, int Engagements, int GlobalSouthEngagements)
{
    /// <summary>The share of the window's engagements held in the Global South, 0–100; null without engagements.</summary>
    public double? GlobalSouthPercent => Engagements == 0 ? null : 100.0 * GlobalSouthEngagements / Engagements;
}

/// <summary>
/// Engagement fatigue (UNGP 18 commentary; seed 000 §42): the same few organizations asked again and again. For the
/// twelve months up to and including today — from the day after the same date a year ago — counts the engagements of
/// each stakeholder organization, highest first, flagged when the count reaches the threshold.
/// </summary>
public static class EngagementFatigue
{
    public const int DefaultThreshold = 4;

    /// <summary>The first day of the window ending on <paramref name="today"/>: the day after the same date a year earlier.</summary>
    public static DateOnly WindowStart(DateOnly today) => today.AddMonths(-12).AddDays(1);

    public static FatigueReport Compute(IEnumerable<EngagementOccasion> occasions, DateOnly today, int threshold)
    {
        ArgumentNullException.ThrowIfNull(occasions);
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        var from = WindowStart(today);
        var inWindow = occasions.Where(o => o.HeldOn >= from && o.HeldOn <= today).ToList();
        var organizations = inWindow
            .SelectMany(o => o.Organizations.Distinct(StringComparer.Ordinal).Select(name => (name, o.HeldOn)))
            .GroupBy(p => p.name, StringComparer.Ordinal)
            .Select(g => new OrganizationFatigue(g.Key, g.Count(), g.Max(p => p.HeldOn), g.Count() >= threshold))
            .OrderByDescending(f => f.Count)
            .ThenBy(f => f.Organization, StringComparer.Ordinal)
            .ToList();
        return new FatigueReport(from, today, threshold, organizations, inWindow.Count, inWindow.Count(o => o.GlobalSouth));
    }
}

/// <summary>
/// The counting key of a stakeholder organization's name: Unicode-compatibility normalized (full-width letters become
/// plain ones), whitespace collapsed, case folded — so "Digital Rights Watch", " digital  rights watch" and
/// "ＤＩＧＩＴＡＬ Rights Watch" are counted as one.
/// </summary>
public static class StakeholderNames
{
    public const int MaxLength = 200;

    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var compatible = name.Normalize(NormalizationForm.FormKC);
        var words = compatible.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return string.Join(' ', words).ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>The names of a free-text list (one per line or separated by semicolons), trimmed, first spelling of each kept.</summary>
    public static IReadOnlyList<string> Split(string? text) =>
        [.. (text ?? "").Split(['\n', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => string.Join(' ', n.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)))
            .Where(n => n.Length > 0)
            .DistinctBy(Normalize, StringComparer.Ordinal)];
}
