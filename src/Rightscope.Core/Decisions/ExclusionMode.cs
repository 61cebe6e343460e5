namespace Rightscope.Core.Decisions;

/// <summary>What an exclusion asks of the portfolio managers.</summary>
public enum ExclusionMode
{
    /// <summary>Buy none; a position already held may stay until decided otherwise.</summary>
    DoNotInvest,

    /// <summary>Sell every position by the divest-by date.</summary>
    Divest,
}

public static class ExclusionModes
{
    public static string ToCode(this ExclusionMode mode) => mode == ExclusionMode.Divest ? "divest" : "do-not-invest";
}
