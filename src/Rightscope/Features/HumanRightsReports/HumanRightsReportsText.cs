namespace Rightscope.Features.HumanRightsReports;

/// <summary>Resource marker for the human rights report pages.</summary>
public sealed class HumanRightsReportsText;
