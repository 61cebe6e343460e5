using System.Buffers.Binary;
using System.IO.Hashing;

namespace Rightscope.Core.Remedy;

/// <summary>Thrown when a file claims to be a photo but its structure is broken or cut short.</summary>
public sealed class MalformedFileException(string message) : Exception(message);

/// <summary>
/// Removes hidden metadata from photos without decoding them: the image data is copied byte for byte, so nothing is
/// re-encoded or lost. JPEG: every APPn segment but JFIF (without its thumbnail), ICC profile and Adobe colour
/// information, every comment, and anything after the end of the image (phones append preview images there, each
/// with its own EXIF). PNG: every chunk not needed to draw the image (text, EXIF, time, private chunks), checked
/// against its CRC. WebP: the EXIF and XMP chunks and anything unknown, with the header flags corrected. A file whose
/// structure is broken or truncated is refused with <see cref="MalformedFileException"/>, never passed on half-cleaned.
/// </summary>
public static class PhotoMetadata
{
    private static readonly HashSet<string> PngKept =
    [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "cHRM", "gAMA", "iCCP", "sBIT", "sRGB", "cICP", "mDCV", "cLLI", "bKGD", "hIST", "pHYs", "sPLT",
        "acTL", "fcTL", "fdAT",
    ];

    private static readonly HashSet<string> WebpKept = ["VP8 ", "VP8L", "VP8X", "ALPH", "ANIM", "ANMF", "ICCP"];

    /// <summary>The photo without its metadata; <paramref name="type"/> must be <see cref="AttachmentType.MetadataRemovable"/>.</summary>
    public static byte[] Remove(AttachmentType type, ReadOnlySpan<byte> photo) => type.Code switch
    {
        "jpeg" => Jpeg(photo),
        "png" => Png(photo),
        "webp" => Webp(photo),
        _ => throw new ArgumentException($"Metadata cannot be removed from {type.Code} files.", nameof(type)),
    };

    private static byte[] Jpeg(ReadOnlySpan<byte> data)
    {
        if (data.Length < 4 || data[0] != 0xFF || data[1] != 0xD8)
        {
            throw new MalformedFileException("not a JPEG file");
        }

        using var output = new MemoryStream(data.Length);
        output.Write([0xFF, 0xD8]);
        var position = 2;
        var scans = 0;
        while (true)
        {
            if (position + 2 > data.Length || data[position] != 0xFF)
            {
                throw new MalformedFileException("JPEG segment expected");
            }

            // Fill bytes (FF FF …) may precede a marker.
            while (position + 1 < data.Length && data[position + 1] == 0xFF)
            {
                position++;
            }

            if (position + 2 > data.Length)
            {
                throw new MalformedFileException("JPEG truncated");
            }

            var marker = data[position + 1];
            position += 2;
            if (marker == 0xD9)
            {
                if (scans == 0)
                {
                    throw new MalformedFileException("JPEG without image data");
                }

                // Whatever follows the end of the image is dropped.
                output.Write([0xFF, 0xD9]);
                return output.ToArray();
            }

            if (marker is (>= 0xD0 and <= 0xD7) or 0x01)
            {
                output.Write([0xFF, marker]);
                continue;
            }

            if (marker is 0xD8 or 0x00 || position + 2 > data.Length)
            {
                throw new MalformedFileException("JPEG marker out of place");
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(data[position..]);
            if (length < 2 || position + length > data.Length)
            {
                throw new MalformedFileException("JPEG segment truncated");
            }

            var payload = data.Slice(position + 2, length - 2);
            switch (marker)
            {
                case 0xE0 when payload.StartsWith("JFIF\0"u8) && payload.Length >= 14:
                    // The JFIF header without its thumbnail, which could show the photo before it was cropped.
                    output.Write([0xFF, 0xE0, 0x00, 0x10]);
                    output.Write(payload[..12]);
                    output.Write([0x00, 0x00]);
                    break;
                case 0xE2 when payload.StartsWith("ICC_PROFILE\0"u8):
                case 0xEE when payload.StartsWith("Adobe"u8):
                    output.Write(data.Slice(position - 2, length + 2));
                    break;
                case >= 0xE0 and <= 0xEF:
                case 0xFE:
                    break;
                default:
                    output.Write(data.Slice(position - 2, length + 2));
                    break;
            }

            position += length;
            if (marker == 0xDA)
            {
                scans++;
                position = CopyEntropyCodedData(data, position, output);
            }
        }
    }

    // After a scan header the compressed data runs until a marker other than a stuffed FF 00 or a restart marker.
    private static int CopyEntropyCodedData(ReadOnlySpan<byte> data, int position, MemoryStream output)
    {
        while (true)
        {
            var next = data[position..].IndexOf((byte)0xFF);
            if (next < 0 || position + next + 1 >= data.Length)
            {
                throw new MalformedFileException("JPEG scan truncated");
            }

            var follower = data[position + next + 1];
            if (follower == 0x00 || follower is >= 0xD0 and <= 0xD7)
            {
                output.Write(data.Slice(position, next + 2));
                position += next + 2;
                continue;
            }

            output.Write(data.Slice(position, next));
            return position + next;
        }
    }

    private static byte[] Png(ReadOnlySpan<byte> data)
    {
        ReadOnlySpan<byte> signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
        if (!data.StartsWith(signature))
        {
            throw new MalformedFileException("not a PNG file");
        }

        using var output = new MemoryStream(data.Length);
        output.Write(signature);
        var position = signature.Length;
        var first = true;
        while (true)
        {
            if (position + 12 > data.Length)
            {
                throw new MalformedFileException("PNG truncated");
            }

            var length = BinaryPrimitives.ReadUInt32BigEndian(data[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > data.Length)
            {
                throw new MalformedFileException("PNG chunk truncated");
            }

            var typeBytes = data.Slice(position + 4, 4);
            var chunk = data.Slice(position, 12 + (int)length);
            var type = System.Text.Encoding.ASCII.GetString(typeBytes);
            if (!type.All(char.IsAsciiLetter) || Crc32.HashToUInt32(chunk[4..^4]) != BinaryPrimitives.ReadUInt32BigEndian(chunk[^4..]))
            {
                throw new MalformedFileException("PNG chunk damaged");
            }

            if (first != (type == "IHDR"))
            {
                throw new MalformedFileException("PNG must start with IHDR");
            }

            first = false;
            if (PngKept.Contains(type))
            {
                output.Write(chunk);
            }
            else if (char.IsAsciiLetterUpper(type[0]))
            {
                // An unknown critical chunk: the image cannot be drawn without it, and it may hold anything.
                throw new MalformedFileException("PNG has an unknown critical chunk");
            }

            position += chunk.Length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }
    }

    private static byte[] Webp(ReadOnlySpan<byte> data)
    {
        if (data.Length < 12 || !data.StartsWith("RIFF"u8) || !data[8..12].SequenceEqual("WEBP"u8))
        {
            throw new MalformedFileException("not a WebP file");
        }

        var riffEnd = 8 + (long)BinaryPrimitives.ReadUInt32LittleEndian(data[4..]);
        if (riffEnd > data.Length)
        {
            throw new MalformedFileException("WebP truncated");
        }

        using var output = new MemoryStream(data.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var position = 12;
        var images = 0;
        while (position < riffEnd)
        {
            if (position + 8 > riffEnd)
            {
                throw new MalformedFileException("WebP chunk truncated");
            }

            var size = BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            var padded = 8 + (long)size + (size & 1);
            if (position + 8 + (long)size > riffEnd)
            {
                throw new MalformedFileException("WebP chunk truncated");
            }

            var type = System.Text.Encoding.ASCII.GetString(data.Slice(position, 4));
            var chunk = data.Slice(position, (int)Math.Min(padded, riffEnd - position));
            if (WebpKept.Contains(type))
            {
                var start = output.Position;
                output.Write(chunk);
                if (chunk.Length < padded)
                {
                    output.WriteByte(0);
                }

                if (type == "VP8X" && size >= 1)
                {
                    // Clear the "has EXIF" (0x08) and "has XMP" (0x04) flags: those chunks are gone.
                    output.Position = start + 8;
                    var flags = (byte)output.ReadByte();
                    output.Position = start + 8;
                    output.WriteByte((byte)(flags & ~0x0C));
                    output.Position = output.Length;
                }

                images += type is "VP8 " or "VP8L" or "ANMF" ? 1 : 0;
            }

            position += (int)padded;
        }

        if (images == 0)
        {
            throw new MalformedFileException("WebP without image data");
        }

        var result = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(4), (uint)(result.Length - 8));
        return result;
    }
}
