namespace Rightscope.Hosting;

/// <summary>What <c>rightscope serve</c> was asked to do beyond serving.</summary>
public sealed record ServeOptions(bool Demo)
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
}

/// <summary>
/// The terminal, for what must reach the operator but never the logging pipeline: the setup token and demo
/// passwords. Tests replace the writer to read them.
/// </summary>
public sealed class OperatorConsole(TextWriter writer)
{
    public TextWriter Writer { get; } = writer;

    public void WriteLine(string line)
    {
        lock (Writer)
        {
            Writer.WriteLine(line);
            Writer.Flush();
        }
    }
}
