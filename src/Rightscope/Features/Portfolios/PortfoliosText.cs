namespace Rightscope.Features.Portfolios;

/// <summary>Resource marker for the portfolio and holdings import pages.</summary>
public sealed class PortfoliosText;
