namespace Rightscope.Core.Methodologies.Loading;

/// <summary>Loads a catalog directory: <c>methodologies/**/*.yaml</c> and <c>reference/*.yaml</c>.</summary>
public static class CatalogLoader
{
    /// <summary>
    /// Loads catalogRoot/methodologies/**/*.yaml and catalogRoot/reference/*.yaml; all errors of all files; duplicate
    /// key@version is an error. File names in errors are relative to <paramref name="catalogRoot"/>. Shipped methodologies
    /// must have every text in both languages.
    /// </summary>
    public static LoadResult<Catalog> LoadDirectory(string catalogRoot)
    {
        if (!Directory.Exists(catalogRoot))
        {
            return new(null, [new CatalogError(catalogRoot, 0, null, "the catalog directory does not exist")]);
        }

        var errors = new List<CatalogError>();
        var methodologies = Load(catalogRoot, "methodologies", SearchOption.AllDirectories, errors,
            (text, name) => (MethodologyLoader.Parse(text, name, requireAllLanguages: true, out var line), line), methodology => methodology.Id);
        var references = Load(catalogRoot, "reference", SearchOption.TopDirectoryOnly, errors,
            (text, name) => (ReferenceCatalogLoader.Parse(text, name, out var line), line), reference => reference.Id);
        return errors.Count == 0 ? new(new Catalog(methodologies, references), []) : new(null, errors);
    }

    private static List<T> Load<T>(string root, string folder, SearchOption search, List<CatalogError> errors,
        Func<string, string, (LoadResult<T> Result, int KeyLine)> parse, Func<T, string> id) where T : class
    {
        var loaded = new List<T>();
        var directory = Path.Combine(root, folder);
        if (!Directory.Exists(directory))
        {
            return loaded;
        }

        var seen = new Dictionary<string, string>();
        foreach (var path in Directory.EnumerateFiles(directory, "*.yaml", search).Order(StringComparer.Ordinal))
        {
            var name = Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/');
            var keyLine = 1;
            var result = CatalogFile.Load(path, text =>
            {
                var (parsed, line) = parse(text, name);
                keyLine = line;
                return parsed;
            });
            errors.AddRange(result.Errors.Select(error => error.File == path ? error with { File = name } : error));
            if (result.Value is not { } value)
            {
                continue;
            }

            if (seen.TryGetValue(id(value), out var first))
            {
                errors.Add(new CatalogError(name, keyLine, id(value), $"'{id(value)}' is already defined in {first}"));
                continue;
            }

            seen.Add(id(value), name);
            loaded.Add(value);
        }

        return loaded;
    }
}
