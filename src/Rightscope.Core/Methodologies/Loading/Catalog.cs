namespace Rightscope.Core.Methodologies.Loading;

/// <summary>Every methodology version and reference catalog of a catalog directory.</summary>
public sealed record Catalog(IReadOnlyList<Methodology> Methodologies, IReadOnlyList<ReferenceCatalog> References)
{
    /// <summary>The methodology <paramref name="key"/> at <paramref name="version"/>, or its latest version (semantic-version order) when version is null.</summary>
    public Methodology? Find(string key, string? version = null) =>
        version is not null
            ? Methodologies.FirstOrDefault(methodology => methodology.Key == key && methodology.Version == version)
            : Methodologies.Where(methodology => methodology.Key == key).MaxBy(methodology => SemanticVersion.OrderKey(methodology.Version));

    /// <summary>The latest version of the reference catalog <paramref name="key"/>.</summary>
    public ReferenceCatalog? Reference(string key) =>
        References.Where(reference => reference.Key == key).MaxBy(reference => SemanticVersion.OrderKey(reference.Version));
}
