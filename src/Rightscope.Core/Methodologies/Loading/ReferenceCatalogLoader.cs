using YamlDotNet.RepresentationModel;

namespace Rightscope.Core.Methodologies.Loading;

/// <summary>Reads and validates a <c>rightscope/reference@1</c> file; reference catalogs are shipped, so both languages are required.</summary>
public static class ReferenceCatalogLoader
{
    public static LoadResult<ReferenceCatalog> Parse(string yaml, string fileName) => Parse(yaml, fileName, out _);

    public static LoadResult<ReferenceCatalog> LoadFile(string path) => CatalogFile.Load(path, text => Parse(text, path));

    internal static LoadResult<ReferenceCatalog> Parse(string yaml, string fileName, out int keyLine)
    {
        var document = new YamlDocument(fileName, requireAllLanguages: true);
        keyLine = 1;
        var catalog = document.LoadRoot(yaml) is { } root ? Read(document, root, ref keyLine) : null;
        return document.HasErrors ? new(null, document.Errors) : new(catalog, []);
    }

    private static ReferenceCatalog? Read(YamlDocument document, YamlMappingNode root, ref int keyLine)
    {
        var top = document.Open(root, null, "the reference catalog", "format", "key", "version", "title", "entries")!;
        var format = top.String("format", required: true);
        if (format is not null && format != ReferenceCatalog.Format)
        {
            document.Error(top.Get("format", false)!, "format", $"format must be '{ReferenceCatalog.Format}', not '{format}'");
        }

        var key = top.Key(required: true);
        if (top.Get("key", false) is { } keyNode)
        {
            keyLine = YamlDocument.Line(keyNode);
        }

        var version = MethodologyReader.ReadVersion(top, document);
        var title = top.Text("title", required: true);
        var entries = new List<ReferenceEntry>();
        var keys = new HashSet<string>();
        foreach (var item in top.Sequence("entries", required: true, nonEmpty: true) ?? [])
        {
            if (document.Open(item, "entries", "an entry", "key", "title", "description", "instrument", "article", "kind", "source") is not { } fields)
            {
                continue;
            }

            var entryKey = fields.Key();
            fields.Context = entryKey ?? "entries";
            if (entryKey is not null && !keys.Add(entryKey))
            {
                document.Error(fields.Get("key", false)!, entryKey, $"entry key '{entryKey}' is used more than once");
            }

            var entryTitle = fields.Text("title", required: true);
            var description = fields.Text("description");
            var instrument = fields.String("instrument");
            var article = fields.String("article");
            var kind = fields.Key("kind", required: false);
            var source = fields.String("source");
            if (entryKey is not null && entryTitle is not null)
            {
                entries.Add(new ReferenceEntry(entryKey, entryTitle, description, instrument, article, kind, source));
            }
        }

        return document.HasErrors ? null : new ReferenceCatalog(key!, version!, title!, entries);
    }
}
