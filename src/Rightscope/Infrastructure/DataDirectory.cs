
namespace Rightscope.Infrastructure;

/// <summary>
/// Where Rightscope keeps its files: the SQLite database and, when not configured, its generated keys.
/// <c>RIGHTSCOPE_DATA_DIR</c> (configuration key <c>DATA_DIR</c>) overrides the default <c>./data</c>.
/// </summary>
public sealed class DataDirectory(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    public static DataDirectory From(IConfiguration configuration) =>
        new(configuration["DATA_DIR"] ?? configuration["DataDirectory"] ?? "data");

    /// <summary>Creates the directory on first use; fails with a message that names the path.</summary>
    public void EnsureExists()
    {
        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The data directory {Path} cannot be created: {e.Message.TrimEnd('.')}. Set RIGHTSCOPE_DATA_DIR to a writable directory.");
        }
    }

    public string File(string name) => System.IO.Path.Combine(Path, name);
}
