using Rightscope.Core.Methodologies;

namespace Rightscope.Core.Scoring;

/// <summary>
/// The tier (1 lowest risk, 3 highest): the first threshold that holds measures the total, then every red flag
/// and severity floor that fires makes it worse, never better. Floors apply even without a total.
/// </summary>
internal static class Tiering
{
    public readonly record struct Outcome(
        int? Tier,
        ThresholdUsed? Threshold,
        IReadOnlyList<FiredRedFlag> RedFlags,
        IReadOnlyList<FiredSeverityFloor> SeverityFloors,
        DecisionRule? Decision);

    public static Outcome Apply(Evaluation e, IReadOnlyList<ImpactRating> impacts, List<DerivationStep> steps)
    {
        var methodology = e.Plan.Methodology;
        var tiers = methodology.Tiers;
        if (tiers is null)
        {
            return new Outcome(null, null, [], [], null);
        }

        ThresholdUsed? threshold = null;
        if (e.Total is { } total)
        {
            for (var i = 0; i < tiers.Thresholds.Count; i++)
            {
                var rule = tiers.Thresholds[i];
                var condition = e.Plan.ThresholdConditions[i];
                var held = condition is null || condition.Holds(e);
                int? tier = held ? (total >= rule.Tier1Min ? 1 : total >= rule.Tier2Min ? 2 : 3) : null;
                steps.Add(new ThresholdStep(i, condition is not null, held, rule.Tier1Min, rule.Tier2Min, total, tier));
                if (tier is { } reached)
                {
                    threshold = new ThresholdUsed(i, condition is not null, rule.Tier1Min, rule.Tier2Min, reached);
                    break;
                }
            }
        }

        int? worstFloor = null;
        List<FiredRedFlag>? redFlags = null;
        for (var i = 0; i < tiers.RedFlags.Count; i++)
        {
            var flag = tiers.RedFlags[i];
            var fired = e.Plan.RedFlagConditions[i].Holds(e);
            steps.Add(new RedFlagStep(flag.Key, fired, flag.Floor, flag.Source));
            if (fired)
            {
                (redFlags ??= []).Add(new FiredRedFlag(flag.Key, flag.Title, flag.Floor, flag.Source));
                worstFloor = Math.Max(worstFloor ?? flag.Floor, flag.Floor);
            }
        }

        List<FiredSeverityFloor>? severityFloors = null;
        for (var i = 0; i < tiers.SeverityFloors.Count; i++)
        {
            var floor = tiers.SeverityFloors[i];
            List<string>? matched = null;
            foreach (var impact in impacts)
            {
                if (impact.Severity >= floor.MinSeverity && (!floor.Irremediable || impact.IsIrremediable))
                {
                    (matched ??= []).Add(impact.Id);
                }
            }

            steps.Add(new SeverityFloorStep(i, floor.MinSeverity, floor.Irremediable, floor.Floor, matched ?? (IReadOnlyList<string>)[]));
            if (matched is not null)
            {
                (severityFloors ??= []).Add(new FiredSeverityFloor(i, floor.MinSeverity, floor.Irremediable, floor.Floor, matched));
                worstFloor = Math.Max(worstFloor ?? floor.Floor, floor.Floor);
            }
        }

        var finalTier = threshold?.Tier is { } fromTotal
            ? Math.Max(fromTotal, worstFloor ?? fromTotal)
            : worstFloor;
        steps.Add(new TierStep(threshold?.Tier, worstFloor, finalTier));

        DecisionRule? decision = null;
        if (finalTier is { } tierReached)
        {
            foreach (var rule in methodology.Decisions)
            {
                if (rule.Tier == tierReached)
                {
                    decision = rule;
                    steps.Add(new DecisionStep(rule.Tier, rule.Decision));
                    break;
                }
            }
        }

        return new Outcome(finalTier, threshold, redFlags ?? (IReadOnlyList<FiredRedFlag>)[], severityFloors ?? (IReadOnlyList<FiredSeverityFloor>)[], decision);
    }
}
