namespace Rightscope.Core.Methodologies.Loading;

/// <summary>
/// A versioned list of things impacts and cases refer to by key: human rights (with instrument and article), affected
/// groups, surveillance-technology categories, involvement, remedy types and mechanisms (format: docs/methodology-format.md).
/// </summary>
public sealed record ReferenceCatalog(string Key, string Version, LocalizedText Title, IReadOnlyList<ReferenceEntry> Entries)
{
    public const string Format = "rightscope/reference@1";

    public string Id => $"{Key}@{Version}";

    public ReferenceEntry? Find(string entryKey) => Entries.FirstOrDefault(entry => entry.Key == entryKey);
}

/// <summary>One entry, e.g. <c>privacy</c>: ICCPR article 17.</summary>
public sealed record ReferenceEntry(
    string Key,
    LocalizedText Title,
    LocalizedText? Description,
    string? Instrument,
    string? Article,
    string? Kind,
    string? Source);
