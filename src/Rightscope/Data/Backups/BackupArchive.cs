using System.IO.Compression;
using System.Security.Cryptography;

namespace Rightscope.Data.Backups;

/// <summary>
/// Writes a backup archive: a zip file whose entries are hashed as they are written, then <c>manifest.json</c>. The
/// archive is written under a temporary name and renamed at the end, so a failed backup leaves no file that looks
/// complete.
/// </summary>
public sealed class BackupArchiveWriter : IAsyncDisposable
{
    private readonly string _path;
    private readonly string _partialPath;
    private readonly FileStream _file;
    private readonly ZipArchive _zip;
    private readonly List<BackupEntry> _entries = [];
    private bool _completed;

    private BackupArchiveWriter(string path)
    {
        _path = path;
        _partialPath = path + ".partial";
        try
        {
            _file = new FileStream(_partialPath, FileMode.Create, FileAccess.ReadWrite, FileShare.None);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BackupException($"--out: {path} cannot be written: {e.Message}");
        }

        _zip = new ZipArchive(_file, ZipArchiveMode.Create, leaveOpen: true);
    }

    public static BackupArchiveWriter Create(string path) => new(Path.GetFullPath(path));

    public IReadOnlyList<BackupEntry> Entries => _entries;

    /// <summary>Adds an entry whose content <paramref name="write"/> produces.</summary>
    public async Task AddAsync(string entryPath, Func<Stream, Task> write)
    {
        var entry = _zip.CreateEntry(entryPath, CompressionLevel.Fastest);
        await using (var target = await entry.OpenAsync())
        await using (var hashing = new HashingStream(target))
        {
            await write(hashing);
            _entries.Add(new BackupEntry(entryPath, hashing.Length, hashing.HashHex()));
        }
    }

    public async Task CompleteAsync(BackupManifest manifest)
    {
        var entry = _zip.CreateEntry(BackupManifest.FileName, CompressionLevel.Optimal);
        await using (var stream = await entry.OpenAsync())
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(manifest.Serialize());
        }

        await _zip.DisposeAsync();
        await _file.FlushAsync();
        _file.Flush(flushToDisk: true);
        await _file.DisposeAsync();
        File.Move(_partialPath, _path, overwrite: true);
        _completed = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_completed)
        {
            return;
        }

        await _zip.DisposeAsync();
        await _file.DisposeAsync();
        File.Delete(_partialPath);
    }

    /// <summary>Passes writes through to the archive entry while hashing and counting them.</summary>
    private sealed class HashingStream(Stream inner) : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public string HashHex() => Convert.ToHexStringLower(_hash.GetCurrentHash());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            _hash.AppendData(buffer);
            _length += buffer.Length;
            inner.Write(buffer);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _hash.AppendData(buffer.Span);
            _length += buffer.Length;
            await inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() => inner.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _hash.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}

/// <summary>
/// Opens a backup archive for restoring: reads the manifest and checks every entry's length and SHA-256 against it
/// before anything is restored, so a damaged archive is refused with nothing written.
/// </summary>
public sealed class BackupArchiveReader : IDisposable
{
    private readonly ZipArchive _zip;

    private BackupArchiveReader(string path, ZipArchive zip, BackupManifest manifest)
    {
        Path = path;
        _zip = zip;
        Manifest = manifest;
    }

    public string Path { get; }

    public BackupManifest Manifest { get; }

    public static async Task<BackupArchiveReader> OpenVerifiedAsync(string path, CancellationToken cancellationToken)
    {
        path = System.IO.Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            throw new BackupException($"--in: the file {path} does not exist.");
        }

        ZipArchive? zip = null;
        try
        {
            zip = await ZipArchive.CreateAsync(File.OpenRead(path), ZipArchiveMode.Read, leaveOpen: false, entryNameEncoding: null, cancellationToken);
            var manifestEntry = zip.GetEntry(BackupManifest.FileName)
                ?? throw new BackupException($"{path} is not a Rightscope backup: it has no {BackupManifest.FileName}.");
            string json;
            await using (var stream = await manifestEntry.OpenAsync(cancellationToken))
            using (var reader = new StreamReader(stream))
            {
                json = await reader.ReadToEndAsync(cancellationToken);
            }

            var manifest = BackupManifest.Parse(json, path);
            foreach (var expected in manifest.Entries)
            {
                var entry = zip.GetEntry(expected.Path)
                    ?? throw new BackupException($"{path}: the entry {expected.Path} listed in the manifest is missing.");
                await using var stream = await entry.OpenAsync(cancellationToken);
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var buffer = new byte[81920];
                long length = 0;
                int read;
                while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    length += read;
                }

                var actual = Convert.ToHexStringLower(hash.GetCurrentHash());
                if (length != expected.Bytes || actual != expected.Sha256)
                {
                    throw new BackupException($"{path}: the entry {expected.Path} is damaged (SHA-256 {actual}, {length} bytes; the manifest records {expected.Sha256}, {expected.Bytes} bytes).");
                }
            }

            var verified = new BackupArchiveReader(path, zip, manifest);
            zip = null;
            return verified;
        }
        catch (InvalidDataException e)
        {
            throw new BackupException($"{path} is not a readable backup archive: {e.Message}");
        }
        finally
        {
            zip?.Dispose();
        }
    }

    /// <summary>Opens an entry the manifest lists (and that was therefore verified).</summary>
    public Task<Stream> OpenAsync(string entryPath, CancellationToken cancellationToken)
    {
        if (Manifest.Entries.All(e => e.Path != entryPath) || _zip.GetEntry(entryPath) is not { } entry)
        {
            throw new BackupException($"{Path}: the archive has no entry {entryPath}.");
        }

        return entry.OpenAsync(cancellationToken);
    }

    public void Dispose() => _zip.Dispose();
}
