namespace Rightscope.Core.Methodologies.Loading;

/// <summary>
/// A problem in a catalog file: where it is (<see cref="Line"/> is 1-based; 0 when it concerns the whole file), which key
/// it concerns (the innermost keyed entry, or the top-level field) and what is wrong.
/// </summary>
public sealed record CatalogError(string File, int Line, string? Key, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Key ?? "-"}: {Message}";
}

/// <summary>A loaded value, or every error that prevented it; <see cref="Value"/> is null whenever there are errors.</summary>
public sealed record LoadResult<T>(T? Value, IReadOnlyList<CatalogError> Errors) where T : class
{
    public bool Succeeded => Value is not null && Errors.Count == 0;
}
