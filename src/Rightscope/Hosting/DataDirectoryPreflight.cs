using System.Globalization;
using Rightscope.Data;
using Rightscope.Infrastructure;
using Rightscope.Infrastructure.Web;

namespace Rightscope.Hosting;

/// <summary>
/// Before <c>serve</c> starts the host: when Rightscope will write into the data directory (the SQLite database and its
/// journal, or key files still to be generated), proves that it can, by writing and syncing a small file there. A
/// read-only or full disk then stops the server with one line that names the directory, instead of a stack trace from
/// deep inside start-up that a supervisor would restart again and again.
/// </summary>
public static class DataDirectoryPreflight
{
    private const int ProbeBytes = 64 * 1024;

    public const long MinimumFreeBytes = 32L * 1024 * 1024;

    public static void Check(IServiceProvider services)
    {
        var dataDirectory = services.GetRequiredService<DataDirectory>();
        var settings = services.GetRequiredService<DatabaseSettings>();
        var configuration = services.GetRequiredService<IConfiguration>();
        var writesKeys = MissingKeyFile(configuration, dataDirectory, "Rightscope:AuditKey", "audit.key")
            || MissingKeyFile(configuration, dataDirectory, "Rightscope:EncryptionKey", "encryption.key");
        if (settings.Provider != DatabaseProvider.Sqlite && !writesKeys)
        {
            return;
        }

        dataDirectory.EnsureExists();
        var probe = dataDirectory.File($".write-check-{Guid.NewGuid():N}");
        try
        {
            using var stream = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.DeleteOnClose);
            // Enough to need fresh blocks: a nearly full disk fails here rather than in the middle of a migration.
            stream.Write(new byte[ProbeBytes]);
            stream.Flush(flushToDisk: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(probe);
            throw new StartupException(StorageFullMiddleware.IsStorageFull(e)
                ? $"The data directory {dataDirectory.Path} is full ({e.Message.TrimEnd('.')}). Free disk space there, or set RIGHTSCOPE_DATA_DIR to a directory with space."
                : $"The data directory {dataDirectory.Path} is not writable ({e.Message.TrimEnd('.')}). Free disk space or make it writable, or set RIGHTSCOPE_DATA_DIR to a writable directory.");
        }

        // The probe fits in a nearly full disk; the first migration, the WAL and a day of submissions do not.
        var free = FreeBytes(dataDirectory.Path);
        if (free is { } bytes && bytes < MinimumFreeBytes)
        {
            throw new StartupException(string.Create(CultureInfo.InvariantCulture,
                $"The data directory {dataDirectory.Path} has only {bytes / 1024 / 1024} MiB free; Rightscope needs at least {MinimumFreeBytes / 1024 / 1024} MiB to start. Free disk space there, or set RIGHTSCOPE_DATA_DIR to a directory with space."));
        }

        if (settings.SqliteFile is { } file && File.Exists(file) && new FileInfo(file).IsReadOnly)
        {
            throw new StartupException($"The database file {file} is read-only.");
        }
    }

    private static bool MissingKeyFile(IConfiguration configuration, DataDirectory dataDirectory, string key, string fileName) =>
        string.IsNullOrWhiteSpace(configuration[key]) && !File.Exists(Path.Combine(dataDirectory.Path, "keys", fileName));

    private static long? FreeBytes(string path)
    {
        try
        {
            return new DriveInfo(path).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            // Space cannot be measured here (an unusual file system); the probe above is the check that remains.
            return null;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Nothing was written, or the directory refuses even this; the message above says what to fix.
        }
    }
}
