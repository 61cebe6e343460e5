namespace Rightscope.Data.Backups;

/// <summary>Compares what was restored (or extracted) with the row counts the manifest records.</summary>
public static class BackupCounts
{
    public static void RequireEqual(BackupArchiveReader archive, IReadOnlyList<BackupTable> actual)
    {
        var expected = archive.Manifest.Tables.ToDictionary(t => t.Name, t => t.Rows, StringComparer.Ordinal);
        foreach (var table in actual)
        {
            if (!expected.Remove(table.Name, out var rows))
            {
                throw new BackupException($"{archive.Path}: the table {table.Name} is not listed in the manifest.");
            }

            if (rows != table.Rows)
            {
                throw new BackupException($"{archive.Path}: the table {table.Name} holds {table.Rows} rows, but the manifest records {rows}.");
            }
        }

        if (expected.Count > 0)
        {
            throw new BackupException($"{archive.Path}: the manifest lists table(s) the data does not hold: {string.Join(", ", expected.Keys.Order(StringComparer.Ordinal))}.");
        }
    }
}
