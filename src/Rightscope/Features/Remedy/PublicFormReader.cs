using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Rightscope.Core.Remedy;

namespace Rightscope.Features.Remedy;

/// <summary>How reading a public form ended.</summary>
public enum PublicFormOutcome
{
    /// <summary>Read to the end; <see cref="PublicForm.Problems"/> may still refuse some files.</summary>
    Read,

    /// <summary>No valid anti-forgery token before anything else (400).</summary>
    Forged,

    /// <summary>Not a form this page reads, or broken (400).</summary>
    Malformed,

    /// <summary>Larger than the channel takes (413); nothing was kept.</summary>
    TooLarge,

    /// <summary>A file came, but the caller had no case key to encrypt it with (see <see cref="PublicFormReader.ReadAsync"/>).</summary>
    NoKey,
}

/// <summary>A problem with one file, for a message naming the field and the file.</summary>
public sealed record UploadProblem(string Field, string TextKey, string FileName);

/// <summary>What a public post carried: its text fields and, already encrypted, its files.</summary>
public sealed class PublicForm
{
    public PublicFormOutcome Outcome { get; set; } = PublicFormOutcome.Read;

    public Dictionary<string, StringValues> Fields { get; } = new(StringComparer.Ordinal);

    public List<SealedUpload> Files { get; } = [];

    public List<UploadProblem> Problems { get; } = [];

    public string? Value(string name) => Fields.TryGetValue(name, out var value) ? value.ToString() : null;
}

/// <summary>
/// Reads the public channel's posts without ever writing them to disk. ASP.NET Core's own form reading buffers any
/// multipart body over 64 KB to a plaintext temporary file; here the body is read section by section with
/// <see cref="MultipartReader"/>: the anti-forgery token must come first and is checked before anything else is read;
/// text fields are kept in memory; every file is checked (extension and leading bytes), cleaned of photo metadata if
/// asked (in memory) and encrypted chunk by chunk with the case key as it arrives, so only ciphertext is kept. The
/// pages using it turn off form model binding and the global anti-forgery filter (<see cref="StreamedPublicFormAttribute"/>).
/// </summary>
public sealed class PublicFormReader(IAntiforgery antiforgery, RemedySettings settings, TimeProvider clock)
{
    /// <summary>Hidden field rendered before the metadata checkbox: without it (a client that is not our form) photos are always cleaned.</summary>
    public const string MetadataChoiceShown = "MetadataChoice";

    /// <summary>The checkbox, ticked by default: remove hidden data from photos.</summary>
    public const string RemoveMetadata = "RemoveMetadata";

    private const string TokenField = "__rs_af";
    private const int MaxSectionHeaderBytes = 16 * 1024;

    public UploadLimits Limits => settings.Uploads;

    /// <summary>
    /// Reads the request's form. <paramref name="keyFor"/> is asked once, at the first file, for the case key to encrypt
    /// with (given the fields read so far, all before the file in the form); null stops the reading with
    /// <see cref="PublicFormOutcome.NoKey"/>. Files are accepted only in <paramref name="fileField"/>.
    /// </summary>
    public async Task<PublicForm> ReadAsync(HttpContext http, string fileField, Func<PublicForm, Task<CaseKey?>> keyFor, CancellationToken cancellationToken)
    {
        var form = new PublicForm();
        try
        {
            if (http.Request.HasFormContentType && !IsMultipart(http.Request, out _))
            {
                // URL-encoded forms (no files) are read in memory by the framework, within the page's form limits.
                var read = await http.Request.ReadFormAsync(cancellationToken);
                foreach (var (name, value) in read)
                {
                    form.Fields[name] = value;
                }

                form.Outcome = await ValidAsync(http) ? PublicFormOutcome.Read : PublicFormOutcome.Forged;
                return form;
            }

            if (!IsMultipart(http.Request, out var boundary))
            {
                form.Outcome = PublicFormOutcome.Malformed;
                return form;
            }

            form.Outcome = await ReadMultipartAsync(http, boundary, fileField, keyFor, form, cancellationToken);
        }
        catch (Exception e) when (IsTooLarge(e))
        {
            form.Outcome = PublicFormOutcome.TooLarge;
        }
        catch (Exception e) when (e is InvalidDataException or IOException && !cancellationToken.IsCancellationRequested)
        {
            // A body that breaks the multipart format or the form limits.
            form.Outcome = PublicFormOutcome.Malformed;
        }

        if (form.Outcome is not PublicFormOutcome.Read)
        {
            form.Files.Clear();
        }

        return form;
    }

    private static bool IsTooLarge(Exception e) =>
        e is RequestTooLargeException || e is Microsoft.AspNetCore.Http.BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge };

    private static bool IsMultipart(HttpRequest request, out string boundary)
    {
        boundary = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        boundary = HeaderUtilities.RemoveQuotes(type.Boundary).Value ?? "";
        return boundary.Length is > 0 and <= 70;
    }

    private async Task<PublicFormOutcome> ReadMultipartAsync(
        HttpContext http, string boundary, string fileField, Func<PublicForm, Task<CaseKey?>> keyFor, PublicForm form, CancellationToken cancellationToken)
    {
        // From here on Request.Form is what this reader has read: nothing after it (an error page re-executed for a
        // refused post included) can make the framework read, and buffer to disk, the rest of the body.
        SetForm(http, form);
        var body = new BoundedReadStream(http.Request.Body, Limits.MaxRequestBytes);
        var reader = new MultipartReader(boundary, body) { HeadersLengthLimit = MaxSectionHeaderBytes, HeadersCountLimit = 8 };
        var first = true;
        var values = 0;
        var fileSections = 0;
        var files = 0;
        CaseKey? key = null;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase))
            {
                return PublicFormOutcome.Malformed;
            }

            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (first)
            {
                // The token before anything else: nothing of a forged post is read further, let alone encrypted or stored.
                if (disposition.IsFileDisposition() || name != TokenField)
                {
                    return PublicFormOutcome.Forged;
                }

                form.Fields[name] = await ReadTextAsync(section.Body, cancellationToken);
                if (!await ValidAsync(http, form))
                {
                    return PublicFormOutcome.Forged;
                }

                first = false;
                continue;
            }

            if (disposition.IsFileDisposition())
            {
                if (++fileSections > UploadLimits.MostFiles * 2)
                {
                    return PublicFormOutcome.Malformed;
                }

                var rawName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var fileName = AttachmentName.Clean(rawName);
                if (name != fileField)
                {
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                var head = new byte[AttachmentType.SniffLength];
                var headLength = await section.Body.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
                if (headLength == 0)
                {
                    // Browsers send an empty part for a file input left empty.
                    if (!string.IsNullOrEmpty(rawName))
                    {
                        form.Problems.Add(new UploadProblem(fileField, "Upload.Empty", fileName));
                    }

                    continue;
                }

                if (++files > Limits.MaxFiles)
                {
                    if (files == Limits.MaxFiles + 1)
                    {
                        form.Problems.Add(new UploadProblem(fileField, "Upload.TooMany", fileName));
                    }

                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                var type = AttachmentTypes.Recognize(fileName, head.AsSpan(0, headLength));
                if (type is null)
                {
                    form.Problems.Add(new UploadProblem(fileField, "Upload.Type", fileName));
                    await DrainAsync(section.Body, cancellationToken);
                    continue;
                }

                if (key is null)
                {
                    SetForm(http, form);
                    key = await keyFor(form);
                    if (key is null)
                    {
                        return PublicFormOutcome.NoKey;
                    }
                }

                var clean = !form.Fields.ContainsKey(MetadataChoiceShown) || form.Fields.ContainsKey(RemoveMetadata);
                var sealedFile = await SealAsync(key, type, fileName, head.AsMemory(0, headLength), section.Body, clean, fileField, form, cancellationToken);
                if (sealedFile is not null)
                {
                    form.Files.Add(sealedFile);
                }

                continue;
            }

            if (++values > PublicChannelPage.MaxFormValues)
            {
                return PublicFormOutcome.Malformed;
            }

            var text = await ReadTextAsync(section.Body, cancellationToken);
            form.Fields[name] = form.Fields.TryGetValue(name, out var existing) ? StringValues.Concat(existing, text) : new StringValues(text);
        }

        if (first)
        {
            return PublicFormOutcome.Forged;
        }

        SetForm(http, form);
        return PublicFormOutcome.Read;
    }

    private async Task<SealedUpload?> SealAsync(
        CaseKey key, AttachmentType type, string fileName, ReadOnlyMemory<byte> head, Stream rest, bool clean, string field, PublicForm form,
        CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var purpose = ContentPurpose.FileContent(id);
        var ciphertext = new MemoryStream();
        long size;
        var removed = false;
        if (clean && type.MetadataRemovable)
        {
            // Cleaning needs the whole photo; it stays in memory (never on disk) and is zeroed after encryption.
            var capacity = (int)Limits.MaxFileBytes + 1;
            var photo = ArrayPool<byte>.Shared.Rent(capacity);
            head.CopyTo(photo);
            var length = head.Length + await rest.ReadAtLeastAsync(photo.AsMemory(head.Length, capacity - head.Length), capacity - head.Length, throwOnEndOfStream: false, cancellationToken);
            byte[]? cleaned = null;
            try
            {
                if (length > Limits.MaxFileBytes)
                {
                    form.Problems.Add(new UploadProblem(field, "Upload.TooLarge", fileName));
                    await DrainAsync(rest, cancellationToken);
                    return null;
                }

                try
                {
                    cleaned = PhotoMetadata.Remove(type, photo.AsSpan(0, length));
                }
                catch (MalformedFileException)
                {
                    form.Problems.Add(new UploadProblem(field, "Upload.Damaged", fileName));
                    return null;
                }

                size = cleaned.Length;
                removed = true;
                await CaseCipher.EncryptStreamAsync(key, purpose, new PaddedReadStream(new MemoryStream(cleaned, writable: false), CaseCipher.ChunkSize), ciphertext, cancellationToken);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(photo, clearArray: true);
                if (cleaned is not null)
                {
                    Array.Clear(cleaned);
                }
            }
        }
        else
        {
            var limited = new FileReadStream(head, rest, Limits.MaxFileBytes);
            await CaseCipher.EncryptStreamAsync(key, purpose, new PaddedReadStream(limited, CaseCipher.ChunkSize), ciphertext, cancellationToken);
            if (limited.Exceeded)
            {
                form.Problems.Add(new UploadProblem(field, "Upload.TooLarge", fileName));
                await DrainAsync(rest, cancellationToken);
                return null;
            }

            size = limited.Count;
        }

        var details = new AttachmentDetails(fileName, type.Code, size, removed).Encrypt(key, id);
        return new SealedUpload(id, details, ciphertext.ToArray(), fileName);
    }

    private async Task<bool> ValidAsync(HttpContext http, PublicForm? form = null)
    {
        if (form is not null)
        {
            SetForm(http, form);
        }

        try
        {
            await antiforgery.ValidateRequestAsync(http);
            return true;
        }
        catch (AntiforgeryValidationException)
        {
            return false;
        }
    }

    // What was read so far becomes Request.Form, so the anti-forgery check and the limiter read it instead of the body.
    private static void SetForm(HttpContext http, PublicForm form) =>
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(new Dictionary<string, StringValues>(form.Fields, StringComparer.Ordinal))));

    private static async Task<string> ReadTextAsync(Stream body, CancellationToken cancellationToken)
    {
        // UTF-8 is at most 4 bytes per character; anything longer than the longest value is refused.
        var buffer = new byte[PublicChannelPage.MaxValueLength * 4 + 1];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        var text = length < buffer.Length ? Encoding.UTF8.GetString(buffer, 0, length) : null;
        if (text is null || text.Length > PublicChannelPage.MaxValueLength)
        {
            throw new InvalidDataException("A form value is too long.");
        }

        return text;
    }

    private static async Task DrainAsync(Stream body, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (await body.ReadAsync(buffer, cancellationToken) > 0)
        {
        }
    }

    /// <summary>The date files are stamped with: the day only, like everything else of a case.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
}

/// <summary>Thrown when a public post goes past its size limit where the server itself does not enforce it.</summary>
public sealed class RequestTooLargeException() : IOException("The request is larger than the public channel takes.");

/// <summary>The request body, refusing to be read past a limit (Kestrel enforces it too; the test server does not).</summary>
internal sealed class BoundedReadStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new RequestTooLargeException() : read;
    }
}

/// <summary>A file section: its first bytes (already read to recognize the type), then the rest, up to a limit.</summary>
internal sealed class FileReadStream(ReadOnlyMemory<byte> head, Stream rest, long limit) : Stream
{
    private ReadOnlyMemory<byte> _head = head;

    public long Count { get; private set; }

    /// <summary>Set when the file went past the limit; the stream then ends early, and what was read must be discarded.</summary>
    public bool Exceeded { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => Count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Exceeded)
        {
            return 0;
        }

        int read;
        if (!_head.IsEmpty)
        {
            read = Math.Min(buffer.Length, _head.Length);
            _head[..read].CopyTo(buffer);
            _head = _head[read..];
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }

        Count += read;
        if (Count > limit)
        {
            Exceeded = true;
            return 0;
        }

        return read;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>The inner stream, then zero bytes up to the next multiple of the block: the ciphertext's length hides the exact size.</summary>
internal sealed class PaddedReadStream(Stream inner, int block) : Stream
{
    private long _count;
    private bool _innerDone;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => _count; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (!_innerDone)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            if (read > 0)
            {
                _count += read;
                return read;
            }

            _innerDone = true;
        }

        var padding = (int)Math.Min(buffer.Length, (block - _count % block) % block);
        buffer.Span[..padding].Clear();
        _count += padding;
        return padding;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
