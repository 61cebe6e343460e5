namespace Rightscope.Features.Decisions;

/// <summary>Resource marker for the decisions register and exclusion list pages.</summary>
public sealed class DecisionsText;
