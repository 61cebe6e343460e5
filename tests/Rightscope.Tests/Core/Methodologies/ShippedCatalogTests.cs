using Rightscope.Core.Methodologies.Loading;

namespace Rightscope.Tests.Core.Methodologies;

public sealed class ShippedCatalogTests
{
    private static readonly string RepositoryRoot = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../.."));

    [Fact]
    public void Every_shipped_catalog_file_validates()
    {
        // Guards the relative path: the test must look at this repository, not pass on a directory that is not there.
        Assert.True(File.Exists(Path.Combine(RepositoryRoot, "Rightscope.slnx")), $"{RepositoryRoot} is not the repository root");
        var catalogRoot = Path.Combine(RepositoryRoot, "catalog");
        if (!Directory.Exists(catalogRoot))
        {
            return;
        }

        var files = new[] { "methodologies", "reference" }
            .Select(folder => Path.Combine(catalogRoot, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories))
            .ToList();
        Assert.All(files, path =>
        {
            var errors = path.Contains($"{Path.DirectorySeparatorChar}methodologies{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                ? MethodologyLoader.LoadFile(path).Errors
                : ReferenceCatalogLoader.LoadFile(path).Errors;
            Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));
        });

        // Together, too: no key@version is defined twice.
        var catalog = CatalogLoader.LoadDirectory(catalogRoot);
        Assert.True(catalog.Succeeded, string.Join(Environment.NewLine, catalog.Errors));
    }

    [Fact]
    public void In_every_shipped_methodology_finding_no_disclosure_is_never_rewarded()
    {
        var catalog = CatalogLoader.LoadDirectory(Path.Combine(RepositoryRoot, "catalog"));
        Assert.True(catalog.Succeeded, string.Join(Environment.NewLine, catalog.Errors));
        var checkedItems = 0;
        foreach (var methodology in catalog.Value!.Methodologies)
        {
            foreach (var item in methodology.Items)
            {
                var set = methodology.AnswerSets.Single(s => s.Key == item.AnswerSet);
                if (set.Find("no-disclosure") is not { Score: { } score })
                {
                    continue;
                }

                // After reversal (100 − score) as before it: silence ends at 0, never above.
                var effective = item.Reversed ? 100 - score : score;
                Assert.True(effective == 0, $"{methodology.Id}: {item.Key} scores {effective} for no disclosure");
                checkedItems++;
            }
        }

        Assert.True(checkedItems > 60, $"only {checkedItems} items offer no-disclosure");
    }
}
