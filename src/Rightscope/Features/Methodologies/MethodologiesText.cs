namespace Rightscope.Features.Methodologies;

/// <summary>Resource marker for the methodology pages.</summary>
public sealed class MethodologiesText;
