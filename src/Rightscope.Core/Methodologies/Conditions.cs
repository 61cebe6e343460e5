namespace Rightscope.Core.Methodologies;

/// <summary>A test on an assessment, used by red flags and tier thresholds.</summary>
public abstract record Condition;

public sealed record AllOf(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record AnyOf(IReadOnlyList<Condition> Conditions) : Condition;

public sealed record NotCondition(Condition Condition) : Condition;

/// <summary>The subject attribute has one of the values.</summary>
public sealed record AttributeIn(string Attribute, IReadOnlyList<string> Values) : Condition;

/// <summary>The item was answered with one of the options (for any component).</summary>
public sealed record AnswerIn(string Item, IReadOnlyList<string> Options) : Condition;

/// <summary>The node's score is below the value (an excluded node never is).</summary>
public sealed record NodeBelow(string Node, double Value) : Condition;

/// <summary>The total is below the value.</summary>
public sealed record TotalBelow(double Value) : Condition;
