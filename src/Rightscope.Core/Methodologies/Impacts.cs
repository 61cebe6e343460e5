namespace Rightscope.Core.Methodologies;

/// <summary>How salient impacts are rated (UNGP 14, 24; DESIGN §9.5).</summary>
public sealed record ImpactModel(SeverityFormula Formula, int SevereAt, int IrremediableAt, bool Likelihood);

public enum SeverityFormula
{
    /// <summary>The highest of scale, scope and irremediable character; their mean breaks ties.</summary>
    Max,

    /// <summary>The mean of scale, scope and irremediable character.</summary>
    Mean,
}

/// <summary>How a business is involved in an impact (UNGP 13, 19).</summary>
public enum Involvement
{
    Cause,
    Contribute,
    DirectlyLinked,
}
