using System.Buffers.Binary;
using System.Text;

namespace Rightscope.Core.Remedy;

/// <summary>
/// A kind of file the public channel accepts. A file is one of these only if both its name's extension and its first
/// bytes say so: a renamed executable or a script called <c>photo.jpg</c> is refused, and the browser's own claim about
/// the type is never asked.
/// </summary>
public sealed record AttachmentType(string Code, string MediaType, IReadOnlyList<string> Extensions, bool Photo)
{
    /// <summary>How many leading bytes <see cref="AttachmentTypes.Recognize"/> needs to decide.</summary>
    public const int SniffLength = 128;

    /// <summary>Whether <see cref="PhotoMetadata.Remove"/> can clean files of this type.</summary>
    public bool MetadataRemovable => Code is "jpeg" or "png" or "webp";
}

public static class AttachmentTypes
{
    public static readonly AttachmentType Jpeg = new("jpeg", "image/jpeg", [".jpg", ".jpeg"], Photo: true);
    public static readonly AttachmentType Png = new("png", "image/png", [".png"], Photo: true);
    public static readonly AttachmentType Webp = new("webp", "image/webp", [".webp"], Photo: true);
    public static readonly AttachmentType Heic = new("heic", "image/heic", [".heic", ".heif"], Photo: true);
    public static readonly AttachmentType Pdf = new("pdf", "application/pdf", [".pdf"], Photo: false);
    public static readonly AttachmentType Text = new("text", "text/plain", [".txt"], Photo: false);
    public static readonly AttachmentType Mp3 = new("mp3", "audio/mpeg", [".mp3"], Photo: false);
    public static readonly AttachmentType M4a = new("m4a", "audio/mp4", [".m4a"], Photo: false);
    public static readonly AttachmentType Ogg = new("ogg", "audio/ogg", [".ogg", ".oga", ".opus"], Photo: false);
    public static readonly AttachmentType Mp4 = new("mp4", "video/mp4", [".mp4", ".m4v"], Photo: false);
    public static readonly AttachmentType Docx = new("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], Photo: false);
    public static readonly AttachmentType Xlsx = new("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], Photo: false);
    public static readonly AttachmentType Odt = new("odt", "application/vnd.oasis.opendocument.text", [".odt"], Photo: false);

    public static readonly IReadOnlyList<AttachmentType> All = [Jpeg, Png, Webp, Heic, Pdf, Text, Mp3, M4a, Ogg, Mp4, Docx, Xlsx, Odt];

    /// <summary>Every accepted extension, for the file input's <c>accept</c> attribute.</summary>
    public static string AcceptList => string.Join(",", All.SelectMany(t => t.Extensions));

    private static readonly string[] HeicBrands = ["heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1"];
    private static readonly string[] AudioBrands = ["M4A ", "M4B ", "mp42", "isom", "iso2", "dash"];
    private static readonly string[] VideoBrands = ["isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "MSNV", "3gp4", "3gp5"];

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static AttachmentType? ByCode(string code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>The type whose extension and leading bytes (up to <see cref="AttachmentType.SniffLength"/>) both match, or null.</summary>
    public static AttachmentType? Recognize(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var type = All.FirstOrDefault(t => t.Extensions.Contains(extension));
        return type is not null && Matches(type, head) ? type : null;
    }

    private static bool Matches(AttachmentType type, ReadOnlySpan<byte> head) => type.Code switch
    {
        "jpeg" => head.StartsWith(JpegMagic),
        "png" => head.StartsWith(PngMagic),
        "webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        "heic" => HasBrand(head, HeicBrands),
        "pdf" => head.StartsWith("%PDF-"u8),
        "text" => IsPlainText(head),
        "mp3" => head.StartsWith("ID3"u8) || (head.Length >= 2 && head[0] == 0xFF && (head[1] & 0xE0) == 0xE0),
        "m4a" => HasBrand(head, AudioBrands),
        "ogg" => head.StartsWith("OggS"u8),
        "mp4" => HasBrand(head, VideoBrands),
        "docx" or "xlsx" => head.StartsWith(ZipMagic),
        // ODF requires an uncompressed "mimetype" entry first, so its content sits at a fixed place.
        "odt" => head.Length >= 77 && head.StartsWith(ZipMagic) && head[30..38].SequenceEqual("mimetype"u8)
            && head[38..77].SequenceEqual("application/vnd.oasis.opendocument.text"u8),
        _ => false,
    };

    // ISO base media files (MP4, M4A, HEIC) start with an "ftyp" box: size, "ftyp", major brand, version, compatible brands.
    private static bool HasBrand(ReadOnlySpan<byte> head, string[] brands)
    {
        if (head.Length < 16 || !head[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        var size = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(head), (uint)head.Length);
        for (var offset = 8; offset + 4 <= size; offset += offset == 8 ? 8 : 4)
        {
            if (brands.Contains(Encoding.ASCII.GetString(head.Slice(offset, 4)), StringComparer.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // UTF-8 without control characters other than tab, line breaks and form feed; the window may cut a character.
    private static bool IsPlainText(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith(Utf8Bom))
        {
            head = head[3..];
        }

        foreach (var b in head)
        {
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0C or 0x0D) || b == 0x7F)
            {
                return false;
            }
        }

        var decoder = new UTF8Encoding(false, true).GetDecoder();
        try
        {
            var chars = new char[head.Length + 1];
            decoder.GetChars(head, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}

/// <summary>What a reporter called their file, made safe to show and to offer as a download name.</summary>
public static class AttachmentName
{
    public const int MaxLength = 200;

    /// <summary>The last path segment, without control or bidirectional-override characters, at most <see cref="MaxLength"/> characters.</summary>
    public static string Clean(string? raw)
    {
        var name = (raw ?? "").Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(name.Length);
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (category is System.Globalization.UnicodeCategory.Control or System.Globalization.UnicodeCategory.Format
                or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator)
            {
                continue;
            }

            kept.Append(rune.ToString());
        }

        var cleaned = kept.ToString().Trim().Trim('.').Trim();
        if (cleaned.Length > MaxLength)
        {
            var extension = Path.GetExtension(cleaned);
            extension = extension.Length <= 10 ? extension : "";
            var stem = cleaned[..(MaxLength - extension.Length)];
            if (char.IsHighSurrogate(stem[^1]))
            {
                stem = stem[..^1];
            }

            cleaned = stem + extension;
        }

        return cleaned.Length == 0 ? "file" : cleaned;
    }
}
