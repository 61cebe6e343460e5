namespace Rightscope.Features.Shared;

/// <summary>Resource marker for texts used across features: layout, navigation, errors and validation.</summary>
public sealed class SharedText;
