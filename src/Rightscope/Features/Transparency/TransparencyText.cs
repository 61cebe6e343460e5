namespace Rightscope.Features.Transparency;

/// <summary>Resource marker for the government requests register, transparency reports and their import messages.</summary>
public sealed class TransparencyText;
