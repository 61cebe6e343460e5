using FsCheck.Xunit;
using Rightscope.Core.Decisions;

namespace Rightscope.Tests.Core.InvestorDecisions;

public sealed class DecisionTermsTests
{
    private static IReadOnlyList<(string Field, DecisionTermError Error)> Errors(
        string? kind, string? mode = null, string? divestBy = null, string? effectiveOn = "2026-07-01", string? rationale = "Because.", DecisionKind? recommended = null) =>
        DecisionTerms.Parse(kind, mode, divestBy, effectiveOn, rationale, recommended).Errors;

    [Fact]
    public void A_divestment_is_parsed_with_its_mode_and_dates_and_a_trimmed_rationale()
    {
        var (terms, errors) = DecisionTerms.Parse(" EXCLUDE ", "divest", "2026-12-31", "2026-07-01", "  Red flag.  ", DecisionKind.Exclude);

        Assert.Empty(errors);
        Assert.Equal(new DecisionTerms(DecisionKind.Exclude, ExclusionMode.Divest, new DateOnly(2026, 12, 31), new DateOnly(2026, 7, 1), "Red flag."), terms);
        Assert.False(terms!.DiffersFrom(DecisionKind.Exclude));
        Assert.True(terms.DiffersFrom(DecisionKind.Engage));
        Assert.False(terms.DiffersFrom(null));
    }

    [Fact]
    public void Mode_and_divest_by_are_dropped_for_a_decision_that_is_not_an_exclusion()
    {
        var (terms, errors) = DecisionTerms.Parse("engage", "divest", "not a date", "2026-07-01", "Milestones.", DecisionKind.Engage);

        Assert.Empty(errors);
        Assert.Null(terms!.Mode);
        Assert.Null(terms.DivestBy);
    }

    [Fact]
    public void Each_bad_field_is_named()
    {
        Assert.Equal([("kind", DecisionTermError.KindInvalid)], Errors("hold"));
        Assert.Equal([("exclusionMode", DecisionTermError.ModeRequired)], Errors("exclude"));
        Assert.Equal([("exclusionMode", DecisionTermError.ModeInvalid)], Errors("exclude", "sell"));
        Assert.Equal([("divestBy", DecisionTermError.DivestByRequired)], Errors("exclude", "divest"));
        Assert.Equal([("divestBy", DecisionTermError.DateInvalid)], Errors("exclude", "divest", "31/12/2026"));
        Assert.Equal([("divestBy", DecisionTermError.DivestByBeforeEffective)], Errors("exclude", "divest", "2026-06-30"));
        Assert.Equal([("effectiveOn", DecisionTermError.EffectiveOnRequired)], Errors("invest", effectiveOn: " "));
        Assert.Equal([("effectiveOn", DecisionTermError.DateInvalid)], Errors("invest", effectiveOn: "2026-02-30"));
        Assert.Equal([("rationale", DecisionTermError.RationaleRequired)], Errors("invest", rationale: " ", recommended: DecisionKind.Invest));
        Assert.Equal([("rationale", DecisionTermError.RationaleTooLong)], Errors("invest", rationale: new string('x', DecisionTerms.RationaleMaxLength + 1)));
    }

    [Fact]
    public void An_empty_rationale_for_a_decision_that_differs_from_the_recommendation_must_explain_it()
    {
        Assert.Equal([("rationale", DecisionTermError.RationaleMustExplainDifference)], Errors("invest", rationale: "", recommended: DecisionKind.Exclude));
    }

    [Property(MaxTest = 300)]
    public bool A_parsed_divestment_never_ends_before_it_starts(DateTime effective, DateTime divestBy)
    {
        var (terms, _) = DecisionTerms.Parse("exclude", "divest", divestBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "r", null);
        return terms is null ? DateOnly.FromDateTime(divestBy) < DateOnly.FromDateTime(effective) : terms.DivestBy >= terms.EffectiveOn;
    }
}
