namespace Rightscope.Features.ApiTokens;

/// <summary>Marker type for the strings of the API tokens page.</summary>
public sealed class ApiTokensText;
