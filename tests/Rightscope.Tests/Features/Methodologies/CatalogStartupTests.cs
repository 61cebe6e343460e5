using Rightscope.Cli;
using Rightscope.Tests.Infrastructure;

namespace Rightscope.Tests.Features.Methodologies;

public sealed class CatalogStartupTests
{
    [Fact]
    public async Task The_server_refuses_to_start_with_an_invalid_catalog_and_names_file_line_and_key()
    {
        var catalog = Path.Combine(Path.GetTempPath(), "rightscope-catalog", Guid.NewGuid().ToString("N"));
        var shipped = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "catalog"));
        CopyDirectory(shipped, catalog);
        var file = Path.Combine(catalog, "methodologies", "ungp-hria", "1.0.0.yaml");
        var lines = File.ReadAllLines(file).ToList();
        var index = lines.FindIndex(l => l.TrimStart().StartsWith("answer-set:", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("answer-set:", "answer-set: no-such-set #", StringComparison.Ordinal);
        File.WriteAllLines(file, lines);

        await using var database = await TestDatabase.CreateAsync(ProviderData.Sqlite);
        var output = new StringWriter();
        var errors = new StringWriter();
        string[] args = ["serve", "--urls", "http://127.0.0.1:0", $"--Catalog:Path={catalog}", .. database.Configuration().Select(c => $"--{c.Key}={c.Value}")];

        var run = RightscopeCli.RunAsync(args, new CliIo(new StringReader(""), output, errors));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken));

        Assert.Same(run, finished);
        Assert.Equal(ExitCodes.Failure, await run);
        var message = errors.ToString();
        Assert.StartsWith("error: The catalog at", message, StringComparison.Ordinal);
        Assert.Contains($"methodologies/ungp-hria/1.0.0.yaml:{index + 1}:", message, StringComparison.Ordinal);
        Assert.Contains("no-such-set", message, StringComparison.Ordinal);
        Directory.Delete(catalog, recursive: true);
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var path in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, path));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(path, destination);
        }
    }
}
