namespace Rightscope.Features.Portfolios;

/// <summary>Resource marker for the screening dashboard.</summary>
public sealed class ScreeningText;
