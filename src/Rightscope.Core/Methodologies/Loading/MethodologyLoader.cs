namespace Rightscope.Core.Methodologies.Loading;

/// <summary>Reads and validates a <c>rightscope/methodology@1</c> file (docs/methodology-format.md).</summary>
public static class MethodologyLoader
{
    /// <param name="requireAllLanguages">Shipped methodologies need every text in en and zh-Hans; a user-written one needs one language.</param>
    public static LoadResult<Methodology> Parse(string yaml, string fileName, bool requireAllLanguages = true) =>
        Parse(yaml, fileName, requireAllLanguages, out _);

    public static LoadResult<Methodology> LoadFile(string path, bool requireAllLanguages = true) =>
        CatalogFile.Load(path, text => Parse(text, path, requireAllLanguages));

    internal static LoadResult<Methodology> Parse(string yaml, string fileName, bool requireAllLanguages, out int keyLine)
    {
        var document = new YamlDocument(fileName, requireAllLanguages);
        var reader = new MethodologyReader(document);
        var methodology = document.LoadRoot(yaml) is { } root ? reader.Read(root) : null;
        keyLine = reader.KeyLine;
        return document.HasErrors ? new(null, document.Errors) : new(methodology, []);
    }
}
