using System.Diagnostics;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Faults;

/// <summary>
/// A tmpfs of a few MiB mounted for one test (root on Linux, as in CI), which the test can fill to the last byte and
/// free again. Where mounting is impossible the test is skipped, or fails under <c>RIGHTSCOPE_REQUIRE_ALL=1</c>.
/// </summary>
public sealed class DiskFullMount : IAsyncDisposable
{
    private DiskFullMount(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    public static async Task<DiskFullMount> MountAsync(int mebibytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            TestEnvironment.SkipOrFail("the disk-full tests mount a tmpfs, which needs Linux");
        }

        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "rightscope-disk-full", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        var (code, output) = await RunAsync("mount", "-t", "tmpfs", "-o", $"size={mebibytes}m,mode=0700", "tmpfs", path);
        if (code != 0)
        {
            Directory.Delete(path);
            TestEnvironment.SkipOrFail($"cannot mount a tmpfs for the disk-full tests (run them as root): {output.Trim()}");
        }

        return new DiskFullMount(path);
    }

    /// <summary>Writes a file until the file system refuses another byte.</summary>
    public void Fill()
    {
        using var stream = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        var block = new byte[64 * 1024];
        var size = block.Length;
        while (size > 0)
        {
            try
            {
                stream.Write(block, 0, size);
                stream.Flush(flushToDisk: true);
            }
            catch (IOException)
            {
                size /= 2;
            }
        }
    }

    public void Free() => File.Delete(Filler);

    public async ValueTask DisposeAsync()
    {
        await RunAsync("umount", "-l", Path);
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Still busy for a moment after a lazy unmount; the temporary directory is empty by then.
        }
    }

    private static async Task<(int Code, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            using var process = Process.Start(start)!;
            var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
