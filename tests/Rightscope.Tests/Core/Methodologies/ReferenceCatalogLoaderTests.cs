using Rightscope.Core.Methodologies.Loading;
using static Rightscope.Tests.Core.Methodologies.Fixtures;

namespace Rightscope.Tests.Core.Methodologies;

public sealed class ReferenceCatalogLoaderTests
{
    private static CatalogError SingleReferenceError(string yaml, string lineText, string? key, string messagePart, int linesBelow = 0)
    {
        var result = ReferenceCatalogLoader.Parse(yaml, "ref.yaml");
        Assert.Null(result.Value);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("ref.yaml", LineOf(yaml, lineText) + linesBelow, key), (error.File, error.Line, error.Key));
        Assert.Contains(messagePart, error.Message, StringComparison.Ordinal);
        return error;
    }

    [Fact]
    public void A_reference_catalog_loads_its_entries()
    {
        var result = ReferenceCatalogLoader.Parse(Reference, "human-rights.yaml");

        Assert.True(result.Succeeded);
        var catalog = result.Value!;
        Assert.Equal(("human-rights", "1.0.0", "human-rights@1.0.0"), (catalog.Key, catalog.Version, catalog.Id));
        Assert.Equal("人权", catalog.Title.In("zh-Hans"));
        Assert.Equal(["privacy", "expression"], catalog.Entries.Select(entry => entry.Key));
        Assert.Equal(
            new ReferenceEntry("privacy", catalog.Entries[0].Title, catalog.Entries[0].Description, "ICCPR", "17", "civil-political", "seed-000"),
            catalog.Entries[0]);
        Assert.Equal("Right to privacy", catalog.Find("privacy")!.Title.In("en"));
        Assert.Equal("免受任意干涉", catalog.Entries[0].Description!.In("zh-Hans"));
        var expression = catalog.Find("expression")!;
        Assert.Equal("19", expression.Article);
        Assert.Null(expression.Description);
        Assert.Null(expression.Kind);
        Assert.Null(expression.Source);
    }

    [Fact]
    public void The_format_must_be_reference_1()
    {
        var yaml = Replace(Reference, "format: rightscope/reference@1", "format: rightscope/methodology@1");

        SingleReferenceError(yaml, "format:", "format", "format must be 'rightscope/reference@1'");
    }

    [Fact]
    public void Entry_keys_are_unique()
    {
        var yaml = Replace(Reference, "- key: expression", "- key: privacy");

        SingleReferenceError(yaml, "title: { en: Freedom of expression", "privacy", "entry key 'privacy' is used more than once", linesBelow: -1);
    }

    [Fact]
    public void Entries_need_both_languages()
    {
        var yaml = Replace(Reference, "title: { en: Freedom of expression, zh-Hans: 表达自由 }", "title: { en: Freedom of expression }");

        SingleReferenceError(yaml, "Freedom of expression", "expression", "title has no zh-Hans text");
    }

    [Fact]
    public void An_unknown_entry_field_is_an_error()
    {
        var yaml = Replace(Reference, "instrument: ICCPR\n    article: 19", "instrumnet: ICCPR\n    article: 19");

        SingleReferenceError(yaml, "instrumnet", "expression", "unknown field 'instrumnet' in an entry (did you mean 'instrument'?)");
    }

    [Fact]
    public void An_entry_kind_is_a_key()
    {
        var yaml = Replace(Reference, "kind: civil-political", "kind: Civil and political");

        SingleReferenceError(yaml, "kind:", "privacy", "kind 'Civil and political' is not a valid key");
    }

    [Fact]
    public void Entries_are_required()
    {
        var yaml = Reference[..Reference.IndexOf("entries:", StringComparison.Ordinal)] + "entries: []\n";

        SingleReferenceError(yaml, "entries: []", "entries", "entries must not be empty");
    }

    [Fact]
    public void The_version_is_major_minor_patch()
    {
        var yaml = Replace(Reference, "version: 1.0.0", "version: one");

        SingleReferenceError(yaml, "version: one", "version", "is not MAJOR.MINOR.PATCH");
    }
}
