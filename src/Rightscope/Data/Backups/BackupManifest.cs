using System.Text.Json;
using System.Text.Json.Serialization;

namespace Rightscope.Data.Backups;

/// <summary>
/// <c>manifest.json</c> at the root of a backup archive: what made it, the schema it needs, how many rows each table
/// holds, and the SHA-256 of every other entry, so that a restore can refuse a damaged or foreign archive before it
/// writes anything.
/// </summary>
public sealed record BackupManifest(
    string Format,
    int Version,
    DatabaseProvider Provider,
    string Migration,
    DateTime CreatedAt,
    IReadOnlyList<BackupTable> Tables,
    IReadOnlyList<BackupEntry> Entries)
{
    public const string FileName = "manifest.json";
    public const string FormatName = "rightscope-backup";
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Serialize() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads a manifest; anything that is not one of ours is reported with the archive's path.</summary>
    public static BackupManifest Parse(string json, string archive)
    {
        BackupManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BackupManifest>(json, Json);
        }
        catch (JsonException e)
        {
            throw new BackupException($"{archive}: {FileName} is not valid JSON ({e.Message}).");
        }

        if (manifest is null || manifest.Format != FormatName || manifest.Tables is null || manifest.Entries is null || string.IsNullOrEmpty(manifest.Migration))
        {
            throw new BackupException($"{archive}: {FileName} is not a Rightscope backup manifest.");
        }

        if (manifest.Version != CurrentVersion)
        {
            throw new BackupException($"{archive}: backup format version {manifest.Version} is not supported; this Rightscope reads version {CurrentVersion}.");
        }

        return manifest;
    }
}

/// <summary>One table: its columns in the order of its data entry, and its row count.</summary>
public sealed record BackupTable(string Name, IReadOnlyList<string> Columns, long Rows);

/// <summary>One archive entry other than the manifest, with its length and lowercase hex SHA-256.</summary>
public sealed record BackupEntry(string Path, long Bytes, string Sha256);

/// <summary>A backup or restore that cannot proceed; the message names the file or table and what to do.</summary>
public sealed class BackupException(string message) : Exception(message);
