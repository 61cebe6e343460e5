using Rightscope.Core.Methodologies;
using Rightscope.Core.Scoring;
using static Rightscope.Tests.Core.Scoring.Build;

namespace Rightscope.Tests.Core.Scoring;

public sealed class SeverityTests
{
    private static readonly ImpactModel MaxModel = new(SeverityFormula.Max, SevereAt: 4, IrremediableAt: 4, Likelihood: true);
    private static readonly ImpactModel MeanModel = new(SeverityFormula.Mean, SevereAt: 4, IrremediableAt: 4, Likelihood: true);

    private static string[] Order(ImpactModel model, params ImpactInput[] impacts) =>
        [.. Severity.Prioritize(impacts, model).Select(r => r.Id)];

    [Fact]
    public void The_max_formula_takes_the_highest_of_scale_scope_and_irremediability()
    {
        var rating = Severity.Rate(Impact("i", 2, 5, 1, likelihood: 3), MaxModel);

        Assert.Equal(5, rating.Severity);
        Assert.Equal(8 / 3.0, rating.Mean);
        Assert.True(rating.IsSevere);
        Assert.False(rating.IsIrremediable);
        Assert.Equal(3, rating.Likelihood);
    }

    [Fact]
    public void The_mean_formula_takes_the_mean()
    {
        var rating = Severity.Rate(Impact("i", 2, 5, 4), MeanModel);

        Assert.Equal(11 / 3.0, rating.Severity);
        Assert.False(rating.IsSevere);
        Assert.True(rating.IsIrremediable);
    }

    [Fact]
    public void Severe_and_irremediable_start_at_the_model_thresholds()
    {
        Assert.True(Severity.Rate(Impact("i", 1, 4, 4), MaxModel).IsSevere);
        Assert.False(Severity.Rate(Impact("i", 3, 3, 3), MaxModel).IsSevere);
        Assert.True(Severity.Rate(Impact("i", 1, 1, 4), MaxModel).IsIrremediable);
        Assert.False(Severity.Rate(Impact("i", 5, 5, 3), MaxModel).IsIrremediable);
    }

    [Fact]
    public void An_actual_impact_is_certain_and_likelihood_is_ignored_when_the_model_does_not_use_it()
    {
        Assert.Equal(5, Severity.Rate(Impact("i", 1, 1, 1, likelihood: 2, actual: true), MaxModel).Likelihood);
        Assert.Null(Severity.Rate(Impact("i", 1, 1, 1, likelihood: 2), MaxModel with { Likelihood = false }).Likelihood);
    }

    [Theory]
    [InlineData(0, 1, 1, null)]
    [InlineData(1, 6, 1, null)]
    [InlineData(1, 1, 1, 0)]
    public void Ratings_outside_one_to_five_are_refused(int scale, int scope, int irremediability, int? likelihood)
    {
        var error = Assert.ThrowsAny<ArgumentException>(() => Severity.Rate(Impact("bad", scale, scope, irremediability, likelihood), MaxModel));

        Assert.Contains("'bad'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_most_severe_impact_comes_first()
    {
        Assert.Equal(["high", "low"], Order(MaxModel, Impact("low", 3, 3, 3), Impact("high", 4, 1, 1)));
    }

    [Fact]
    public void Under_max_the_mean_breaks_ties_in_severity()
    {
        Assert.Equal(["wide", "narrow"], Order(MaxModel, Impact("narrow", 5, 1, 1), Impact("wide", 5, 4, 1)));
    }

    [Fact]
    public void Irremediable_comes_before_remediable_at_equal_severity()
    {
        // Same maximum (5) and same mean (4): only irremediable character differs.
        Assert.Equal(["irremediable", "remediable"], Order(MaxModel, Impact("remediable", 5, 4, 3), Impact("irremediable", 5, 3, 4)));
        Assert.Equal(["irremediable", "remediable"], Order(MeanModel, Impact("remediable", 5, 4, 3), Impact("irremediable", 5, 3, 4)));
    }

    [Fact]
    public void Likelihood_orders_impacts_of_equal_severity_and_irremediability()
    {
        Assert.Equal(
            ["actual", "likely", "unlikely"],
            Order(MaxModel, Impact("unlikely", 4, 2, 2, likelihood: 1), Impact("actual", 4, 2, 2, actual: true), Impact("likely", 4, 2, 2, likelihood: 4)));
    }

    [Fact]
    public void Likelihood_never_outranks_severity()
    {
        Assert.Equal(
            ["severe-unlikely", "mild-actual"],
            Order(MaxModel, Impact("mild-actual", 3, 3, 3, actual: true), Impact("severe-unlikely", 4, 1, 1, likelihood: 1)));
        Assert.Equal(
            ["irremediable-unlikely", "remediable-actual"],
            Order(MaxModel, Impact("remediable-actual", 5, 4, 3, actual: true), Impact("irremediable-unlikely", 5, 3, 4, likelihood: 1)));
    }

    [Fact]
    public void Equal_impacts_are_ordered_by_id_whatever_the_input_order()
    {
        Assert.Equal(["a", "b", "c"], Order(MaxModel, Impact("c", 2, 2, 2), Impact("a", 2, 2, 2), Impact("b", 2, 2, 2)));
    }

    [Fact]
    public void A_repeated_impact_id_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Severity.Prioritize([Impact("a", 1, 1, 1), Impact("a", 2, 2, 2)], MaxModel));
    }

    [Fact]
    public void Scoring_rates_and_orders_the_impacts_with_the_methodology_model()
    {
        var methodology = Methodology([Section("s", Item("a"))], impacts: MeanModel);

        var result = ScoringEngine.Score(methodology, Input([], impacts: [Impact("x", 5, 1, 1), Impact("y", 3, 3, 3)]));

        Assert.Equal(["y", "x"], result.Impacts.Select(r => r.Id));
    }
}
