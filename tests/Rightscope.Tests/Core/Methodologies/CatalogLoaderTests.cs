using Rightscope.Core.Methodologies.Loading;
using static Rightscope.Tests.Core.Methodologies.Fixtures;

namespace Rightscope.Tests.Core.Methodologies;

public sealed class CatalogLoaderTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("rightscope-catalog-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private void Write(string relativePath, string yaml)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, yaml);
    }

    private static string Version(string yaml, string version) => Replace(yaml, "version: 1.2.0", $"version: {version}");

    [Fact]
    public void Loads_methodologies_in_subfolders_and_reference_catalogs()
    {
        Write("methodologies/small-method.yaml", Methodology);
        Write("methodologies/older/small-method-1.10.0.yaml", Version(Methodology, "1.10.0"));
        Write("methodologies/older/small-method-1.9.3.yaml", Version(Methodology, "1.9.3"));
        Write("reference/human-rights.yaml", Reference);
        Write("reference/human-rights-2.yaml", Replace(Reference, "version: 1.0.0", "version: 2.0.0"));
        Write("methodologies/notes.txt", "not a catalog file");

        var result = LoadDirectory();

        var catalog = result.Value!;
        Assert.Equal(3, catalog.Methodologies.Count);
        Assert.Equal("1.10.0", catalog.Find("small-method")!.Version);
        Assert.Equal("1.9.3", catalog.Find("small-method", "1.9.3")!.Version);
        Assert.Null(catalog.Find("small-method", "3.0.0"));
        Assert.Null(catalog.Find("other"));
        Assert.Equal("2.0.0", catalog.Reference("human-rights")!.Version);
        Assert.Null(catalog.Reference("affected-groups"));
    }

    [Fact]
    public void A_duplicate_key_and_version_is_an_error_naming_both_files()
    {
        Write("methodologies/a.yaml", Methodology);
        Write("methodologies/b.yaml", Methodology);

        var result = LoadDirectory(expectErrors: true);

        var error = Assert.Single(result.Errors);
        Assert.Equal(("methodologies/b.yaml", LineOf(Methodology, "key: small-method"), "small-method@1.2.0"), (error.File, error.Line, error.Key));
        Assert.Equal("'small-method@1.2.0' is already defined in methodologies/a.yaml", error.Message);
    }

    [Fact]
    public void A_duplicate_reference_catalog_is_an_error()
    {
        Write("reference/a.yaml", Reference);
        Write("reference/b.yaml", Reference);

        var error = Assert.Single(LoadDirectory(expectErrors: true).Errors);

        Assert.Equal(("reference/b.yaml", "human-rights@1.0.0"), (error.File, error.Key));
    }

    [Fact]
    public void Every_error_of_every_file_is_reported_with_its_relative_file_name()
    {
        Write("methodologies/good.yaml", Methodology);
        Write("methodologies/x/bad.yaml", Replace(Version(Methodology, "2.0"), "weight: 2", "weight: -2"));
        Write("reference/bad.yaml", Replace(Reference, "format: rightscope/reference@1", "format: nope"));

        var result = LoadDirectory(expectErrors: true);

        Assert.Equal(
            [("methodologies/x/bad.yaml", "version"), ("methodologies/x/bad.yaml", "governance"), ("reference/bad.yaml", "format")],
            result.Errors.Select(error => (error.File, error.Key)));
    }

    [Fact]
    public void Shipped_methodologies_need_both_languages()
    {
        Write("methodologies/a.yaml", Replace(Methodology, "title: { en: Governance, zh-Hans: 治理 }", "title: { en: Governance }"));

        var error = Assert.Single(LoadDirectory(expectErrors: true).Errors);

        Assert.Equal("title has no zh-Hans text", error.Message);
    }

    [Fact]
    public void An_empty_catalog_loads_as_empty()
    {
        var catalog = LoadDirectory().Value!;

        Assert.Empty(catalog.Methodologies);
        Assert.Empty(catalog.References);
    }

    [Fact]
    public void A_missing_catalog_directory_is_an_error()
    {
        var result = CatalogLoader.LoadDirectory(Path.Combine(root, "missing"));

        Assert.Null(result.Value);
        Assert.Contains("does not exist", Assert.Single(result.Errors).Message, StringComparison.Ordinal);
    }

    private LoadResult<Catalog> LoadDirectory(bool expectErrors = false)
    {
        var result = CatalogLoader.LoadDirectory(root);
        Assert.Equal(!expectErrors, result.Succeeded);
        if (!expectErrors)
        {
            Assert.Empty(result.Errors);
        }

        return result;
    }
}
