namespace Rightscope.Features.Engagements;

/// <summary>Resource marker for the engagement tracker's pages, API messages and the escalation ladder's titles.</summary>
public sealed class EngagementsText;
