namespace Rightscope.Tests.Security.Fuzz;

/// <summary>
/// One reader of user files under fuzzing: a valid file to mutate, and how it reads bytes, reduced to what every reader
/// must give back whatever the input: whether it would write, and if not, why.
/// </summary>
public sealed record ImportTarget(string Name, string ValidCsv, Func<byte[], ImportOutcome> Read)
{
    public override string ToString() => Name;
}

/// <summary>What a reader said about a file: whether it would write, the rows it would write, and its errors.</summary>
public sealed record ImportOutcome(bool CanWrite, int Rows, IReadOnlyList<ExplainedError> Errors);

/// <summary>An error as the reader reports it: the line (0: the whole file), the field it names (null: the whole line), the code.</summary>
public sealed record ExplainedError(int Line, string? Field, string Code)
{
    public override string ToString() => $"{Line}:{Field ?? "-"}:{Code}";
}
