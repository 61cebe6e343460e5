namespace Rightscope.Features.Indicators;

/// <summary>Resource marker for the indicator pages: datasets, composite indices, country context and remedy statistics.</summary>
public sealed class IndicatorsText;
