namespace Rightscope.Features.Remedy;

/// <summary>Resource marker for the Remedy pages: public channel, channels, case keys and cases.</summary>
public sealed class RemedyText;
