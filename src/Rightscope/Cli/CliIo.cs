namespace Rightscope.Cli;

/// <summary>The streams a command reads and writes; tests pass their own.</summary>
public sealed record CliIo(TextReader In, TextWriter Out, TextWriter Error)
{
    public static CliIo Terminal => new(Console.In, Console.Out, Console.Error);

    /// <summary>Writes a one-line failure reason and returns the failure exit code.</summary>
    public int Fail(string reason)
    {
        Error.WriteLine($"error: {reason}");
        return ExitCodes.Failure;
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failure = 1;
}
