namespace Rightscope.Features.Hrdd;

/// <summary>Resource marker for the action plans, tracking indicators and stakeholder engagement log pages.</summary>
public sealed class HrddTrackingText;
