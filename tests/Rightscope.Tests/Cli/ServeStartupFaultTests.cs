using Rightscope.Cli;

namespace Rightscope.Tests.Cli;

/// <summary>
/// A data directory that cannot be written stops <c>serve</c> before it starts: one line naming the path, a non-zero
/// exit code, no stack trace.
/// </summary>
public sealed class ServeStartupFaultTests
{
    [Fact]
    public async Task A_data_directory_that_cannot_be_created_stops_serve_with_one_line_naming_it()
    {
        var root = TemporaryDirectory();
        var blocker = Path.Combine(root, "a-file");
        await File.WriteAllTextAsync(blocker, "not a directory", TestContext.Current.CancellationToken);
        var dataDirectory = Path.Combine(blocker, "data");

        var result = await ServeAsync(dataDirectory);

        result.AssertFailedWith(dataDirectory, "RIGHTSCOPE_DATA_DIR");
        Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("..", result.Error.Replace(dataDirectory, "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_only_data_directory_stops_serve_with_one_line_naming_it_and_writes_nothing()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix permissions; Windows read-only directories work differently.");
            return;
        }

        var dataDirectory = TemporaryDirectory();
        File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            if (CanWrite(dataDirectory))
            {
                Assert.Skip("Permissions do not stop this user from writing (running as root, as in some CI containers); the unwritable-path test covers the message.");
            }

            var result = await ServeAsync(dataDirectory);

            result.AssertFailedWith($"The data directory {dataDirectory} is not writable", "RIGHTSCOPE_DATA_DIR");
            Assert.DoesNotContain("   at ", result.Out + result.Error, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(dataDirectory));
        }
        finally
        {
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static async Task<CliResult> ServeAsync(string dataDirectory)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var run = RightscopeCli.RunAsync(
            ["serve", "--urls", "http://127.0.0.1:0", $"--DATA_DIR={dataDirectory}", "--Database:Provider=Sqlite"],
            new CliIo(new StringReader(""), output, error));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));
        Assert.True(ReferenceEquals(run, finished), "serve kept running over an unwritable data directory");
        return new CliResult(await run, output.ToString(), error.ToString());
    }

    private static bool CanWrite(string directory)
    {
        try
        {
            File.WriteAllText(Path.Combine(directory, "probe"), "");
            File.Delete(Path.Combine(directory, "probe"));
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string TemporaryDirectory()
    {
        var path = Path.Combine(Path.GetTempPath(), "rightscope-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
