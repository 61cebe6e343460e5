namespace Rightscope.Core.Scoring;

/// <summary>
/// The working state of one scoring call: answers by (item, component) slot and scores by (node, component).
/// Reused per thread, so scoring many assessments allocates only the result.
/// </summary>
internal sealed class Evaluation
{
    [ThreadStatic]
    private static Evaluation? s_current;

    public ScoringPlan Plan = null!;
    public AssessmentInput Input = null!;
    public int Services;

    /// <summary>Components per item or node: the company and each service.</summary>
    public int Width;

    public int[] SlotAnswer = [];
    public int[] SlotOption = [];

    /// <summary>Per node and component; NaN when excluded.</summary>
    public double[] Scores = [];

    /// <summary>Per node, its components combined; NaN when excluded.</summary>
    public double[] Overall = [];

    /// <summary>Per node and component: the given score (NaN: not applicable) when <see cref="GivenSet"/>; used only when <see cref="HasGiven"/>.</summary>
    public double[] GivenValue = [];
    public bool[] GivenSet = [];

    /// <summary>Per node: the node itself or an ancestor has a given score, so its answers do not count.</summary>
    public bool[] Covered = [];
    public bool HasGiven;

    public int[] Answered = [];
    public int[] Expected = [];
    public double? Total;

    public static Evaluation Start(ScoringPlan plan, AssessmentInput input)
    {
        var evaluation = s_current ??= new Evaluation();
        evaluation.Plan = plan;
        evaluation.Input = input;
        evaluation.Services = input.Services.Count;
        evaluation.Width = evaluation.Services + 1;
        evaluation.Total = null;

        var slots = plan.ItemNode.Length * evaluation.Width;
        Ensure(ref evaluation.SlotAnswer, slots);
        Ensure(ref evaluation.SlotOption, slots);
        evaluation.SlotAnswer.AsSpan(0, slots).Fill(-1);
        evaluation.SlotOption.AsSpan(0, slots).Fill(-1);

        var nodes = plan.Nodes.Length;
        Ensure(ref evaluation.Scores, nodes * evaluation.Width);
        Ensure(ref evaluation.Overall, nodes);
        Ensure(ref evaluation.Answered, nodes);
        Ensure(ref evaluation.Expected, nodes);
        evaluation.HasGiven = input.Given.Count > 0;
        if (evaluation.HasGiven)
        {
            Ensure(ref evaluation.GivenValue, nodes * evaluation.Width);
            Ensure(ref evaluation.GivenSet, nodes * evaluation.Width);
            Ensure(ref evaluation.Covered, nodes);
            evaluation.GivenSet.AsSpan(0, nodes * evaluation.Width).Clear();
            evaluation.Covered.AsSpan(0, nodes).Clear();
        }

        return evaluation;
    }

    /// <summary>Drops the references to the caller's objects once the result is built.</summary>
    public void End()
    {
        Plan = null!;
        Input = null!;
    }

    private static void Ensure<T>(ref T[] array, int length)
    {
        if (array.Length < length)
        {
            array = new T[Math.Max(length, array.Length * 2)];
        }
    }
}
