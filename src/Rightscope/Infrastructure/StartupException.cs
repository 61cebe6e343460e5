namespace Rightscope.Infrastructure;

/// <summary>A configuration or environment problem that stops Rightscope with a one-line explanation.</summary>
public sealed class StartupException(string message) : Exception(message);
