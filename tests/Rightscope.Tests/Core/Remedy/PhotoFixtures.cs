using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using MetadataExtractor;
using MetadataExtractor.Formats.Exif;

namespace Rightscope.Tests.Core.Remedy;

/// <summary>Real photos built byte by byte: a baseline JPEG and a PNG, each with EXIF GPS coordinates and a comment.</summary>
public static class PhotoFixtures
{
    public const double Latitude = 48.8584;
    public const double Longitude = 2.2945;

    /// <summary>An 8×8 grey baseline JPEG with EXIF (GPS), XMP, a comment, a JFIF thumbnail and a trailing preview after EOI.</summary>
    public static byte[] JpegWithGps(string comment = "secret-comment", int padding = 0)
    {
        using var jpeg = new MemoryStream();
        jpeg.Write([0xFF, 0xD8]);
        // JFIF with a 1×1 thumbnail (3 bytes of RGB).
        Segment(jpeg, 0xE0, [.. "JFIF\0"u8, 1, 2, 0, 0, 1, 0, 1, 1, 1, 0xAA, 0xBB, 0xCC]);
        Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. Tiff()]);
        Segment(jpeg, 0xE1, [.. "http://ns.adobe.com/xap/1.0/\0"u8, .. Encoding.UTF8.GetBytes($"<x:xmpmeta>{comment}</x:xmpmeta>")]);
        Segment(jpeg, 0xED, [.. "Photoshop 3.0\0"u8, .. Encoding.UTF8.GetBytes(comment)]);
        Segment(jpeg, 0xFE, Encoding.UTF8.GetBytes(comment));
        Segment(jpeg, 0xE2, [.. "ICC_PROFILE\0"u8, 1, 1, 0x10, 0x20]);
        for (var left = padding; left > 0; left -= 60_000)
        {
            Segment(jpeg, 0xEB, new byte[Math.Min(left, 60_000)]);
        }

        Segment(jpeg, 0xDB, [0, .. Enumerable.Repeat((byte)1, 64)]);
        Segment(jpeg, 0xC0, [8, 0, 8, 0, 8, 1, 1, 0x11, 0]);
        Segment(jpeg, 0xC4, [0x00, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Segment(jpeg, 0xC4, [0x10, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        Segment(jpeg, 0xDA, [1, 1, 0, 0, 63, 0]);
        // DC difference 0 ("0"), end of block ("0"), padded with ones; then a stuffed FF 00 and a restart marker to copy.
        jpeg.Write([0x3F, 0xFF, 0x00, 0x3F, 0xFF, 0xD9]);
        // Phones append preview images after the end of the image, each with its own EXIF.
        jpeg.Write([0xFF, 0xD8]);
        Segment(jpeg, 0xE1, [.. "Exif\0\0"u8, .. Tiff()]);
        jpeg.Write([0xFF, 0xD9]);
        return jpeg.ToArray();
    }

    /// <summary>A 1×1 grey PNG with an eXIf chunk (GPS), a tEXt comment, a tIME and a private chunk.</summary>
    public static byte[] PngWithGps(string comment = "secret-comment")
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(png, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
        Chunk(png, "eXIf", Tiff());
        Chunk(png, "tEXt", [.. "Comment\0"u8, .. Encoding.Latin1.GetBytes(comment)]);
        Chunk(png, "tIME", [0x07, 0xE9, 1, 2, 3, 4, 5]);
        Chunk(png, "prVt", Encoding.UTF8.GetBytes(comment));
        Chunk(png, "pHYs", [0, 0, 0x0B, 0x13, 0, 0, 0x0B, 0x13, 1]);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write([0, 0x80]);
            }

            Chunk(png, "IDAT", compressed.ToArray());
        }

        Chunk(png, "iTXt", [.. "XML:com.adobe.xmp\0\0\0\0\0"u8, .. Encoding.UTF8.GetBytes(comment)]);
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A WebP container with VP8X (EXIF and XMP flags set), an image chunk, EXIF and XMP.</summary>
    public static byte[] WebpWithMetadata(string comment = "secret-comment")
    {
        using var body = new MemoryStream();
        body.Write("WEBP"u8);
        RiffChunk(body, "VP8X", [0x0C, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        RiffChunk(body, "VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0x00]);
        RiffChunk(body, "EXIF", Tiff());
        RiffChunk(body, "XMP ", Encoding.UTF8.GetBytes(comment + "x"));
        using var webp = new MemoryStream();
        webp.Write("RIFF"u8);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        webp.Write(size);
        body.Position = 0;
        body.CopyTo(webp);
        return webp.ToArray();
    }

    /// <summary>Whether a metadata reader finds GPS coordinates in the file.</summary>
    public static bool HasGps(byte[] file)
    {
        using var stream = new MemoryStream(file);
        var directories = ImageMetadataReader.ReadMetadata(stream);
        var gps = directories.OfType<GpsDirectory>().FirstOrDefault();
        return gps?.GetGeoLocation() is { } location && Math.Abs(location.Latitude - Latitude) < 0.01 && Math.Abs(location.Longitude - Longitude) < 0.01;
    }

    /// <summary>The EXIF TIFF structure: IFD0 pointing to a GPS IFD with latitude and longitude.</summary>
    public static byte[] Tiff()
    {
        var tiff = new byte[128];
        var span = tiff.AsSpan();
        "MM"u8.CopyTo(span);
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 42);
        BinaryPrimitives.WriteUInt32BigEndian(span[4..], 8);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], 1);
        Entry(span[10..], 0x8825, 4, 1, 26);
        BinaryPrimitives.WriteUInt32BigEndian(span[22..], 0);
        BinaryPrimitives.WriteUInt16BigEndian(span[26..], 4);
        Entry(span[28..], 0x0001, 2, 2, 0x4E000000);
        Entry(span[40..], 0x0002, 5, 3, 80);
        Entry(span[52..], 0x0003, 2, 2, 0x45000000);
        Entry(span[64..], 0x0004, 5, 3, 104);
        BinaryPrimitives.WriteUInt32BigEndian(span[76..], 0);
        Rationals(span[80..], 48, 51, 3102);
        Rationals(span[104..], 2, 17, 4020);
        return tiff;
    }

    private static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(at, tag);
        BinaryPrimitives.WriteUInt16BigEndian(at[2..], type);
        BinaryPrimitives.WriteUInt32BigEndian(at[4..], count);
        BinaryPrimitives.WriteUInt32BigEndian(at[8..], value);
    }

    // Degrees, minutes, seconds × 100.
    private static void Rationals(Span<byte> at, uint degrees, uint minutes, uint hundredthSeconds)
    {
        uint[] values = [degrees, 1, minutes, 1, hundredthSeconds, 100];
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(at[(4 * i)..], values[i]);
        }
    }

    private static void Segment(Stream jpeg, byte marker, byte[] payload)
    {
        jpeg.Write([0xFF, marker, (byte)((payload.Length + 2) >> 8), (byte)(payload.Length + 2)]);
        jpeg.Write(payload);
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var header = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(header, 4);
        png.Write(header);
        png.Write(data);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32.HashToUInt32([.. header.AsSpan(4), .. data]));
        png.Write(crc);
    }

    private static void RiffChunk(Stream riff, string type, byte[] data)
    {
        riff.Write(Encoding.ASCII.GetBytes(type));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        riff.Write(size);
        riff.Write(data);
        if (data.Length % 2 == 1)
        {
            riff.WriteByte(0);
        }
    }
}
