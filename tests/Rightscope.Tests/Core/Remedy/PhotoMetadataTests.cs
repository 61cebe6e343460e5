using System.Buffers.Binary;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class PhotoMetadataTests
{
    [Fact]
    public void Jpeg_loses_gps_exif_xmp_iptc_comments_thumbnail_and_trailing_previews_but_keeps_the_image()
    {
        var photo = PhotoFixtures.JpegWithGps("hidden-words");
        Assert.True(PhotoFixtures.HasGps(photo));

        var cleaned = PhotoMetadata.Remove(AttachmentTypes.Jpeg, photo);

        Assert.False(PhotoFixtures.HasGps(cleaned));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("hidden-words"u8));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf(new byte[] { 0xAA, 0xBB, 0xCC }));
        Assert.Equal(["E0", "E2", "DB", "C0", "C4", "C4", "DA"], JpegMarkers(cleaned));
        // The scan is copied byte for byte (nothing re-encoded), and nothing follows the end of the image.
        ReadOnlySpan<byte> scan = [0x3F, 0xFF, 0x00, 0x3F, 0xFF, 0xD9];
        Assert.True(cleaned.AsSpan().EndsWith(scan));
        Assert.Equal(cleaned, PhotoMetadata.Remove(AttachmentTypes.Jpeg, cleaned));
    }

    [Fact]
    public void Png_keeps_only_the_chunks_that_draw_the_image()
    {
        var photo = PhotoFixtures.PngWithGps("hidden-words");

        var cleaned = PhotoMetadata.Remove(AttachmentTypes.Png, photo);

        Assert.Equal(["IHDR", "pHYs", "IDAT", "IEND"], PngChunks(cleaned));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("hidden-words"u8));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf(PhotoFixtures.Tiff()));
        Assert.False(PhotoFixtures.HasGps(cleaned));
    }

    [Fact]
    public void Webp_loses_exif_and_xmp_and_its_header_says_so()
    {
        var photo = PhotoFixtures.WebpWithMetadata("hidden-words");

        var cleaned = PhotoMetadata.Remove(AttachmentTypes.Webp, photo);

        Assert.Equal(-1, cleaned.AsSpan().IndexOf("hidden-words"u8));
        Assert.Equal(-1, cleaned.AsSpan().IndexOf("EXIF"u8));
        Assert.Equal(cleaned.Length - 8, (int)BinaryPrimitives.ReadUInt32LittleEndian(cleaned.AsSpan(4)));
        Assert.Equal(0, cleaned[20] & 0x0C);
        Assert.True(cleaned.AsSpan().IndexOf("VP8L"u8) > 0);
    }

    [Fact]
    public void A_png_with_a_damaged_chunk_is_refused()
    {
        var photo = PhotoFixtures.PngWithGps();
        photo[40] ^= 0x01;

        Assert.Throws<MalformedFileException>(() => PhotoMetadata.Remove(AttachmentTypes.Png, photo));
    }

    public static TheoryData<string> Types => ["jpeg", "png", "webp"];

    [Theory]
    [MemberData(nameof(Types))]
    public void Every_truncation_of_a_photo_is_refused(string type)
    {
        var kind = AttachmentTypes.ByCode(type)!;
        var photo = Fixture(type);
        var complete = PhotoMetadata.Remove(kind, photo);
        for (var length = 0; length < photo.Length; length++)
        {
            try
            {
                var cleaned = PhotoMetadata.Remove(kind, photo.AsSpan(0, length));
                // A JPEG cut after its end of image (in the trailing preview) is still the whole image.
                Assert.Equal(complete, cleaned);
            }
            catch (MalformedFileException)
            {
            }
        }

        Assert.Throws<MalformedFileException>(() => PhotoMetadata.Remove(kind, photo.AsSpan(0, photo.Length / 2)));
    }

    [Property(MaxTest = 300)]
    public Property Damaged_photos_are_refused_or_cleaned_never_anything_else(NonNegativeInt index, byte value, bool png)
    {
        var photo = png ? PhotoFixtures.PngWithGps() : PhotoFixtures.JpegWithGps();
        photo[index.Get % photo.Length] = value;
        try
        {
            var cleaned = PhotoMetadata.Remove(png ? AttachmentTypes.Png : AttachmentTypes.Jpeg, photo);
            return (cleaned.AsSpan().IndexOf("secret-comment"u8) < 0).ToProperty();
        }
        catch (MalformedFileException)
        {
            return true.ToProperty();
        }
    }

    [Property(MaxTest = 200)]
    public Property Random_bytes_never_crash_the_cleaner(byte[] bytes, int kind)
    {
        var type = new[] { AttachmentTypes.Jpeg, AttachmentTypes.Png, AttachmentTypes.Webp }[Math.Abs(kind % 3)];
        var prefix = type == AttachmentTypes.Jpeg ? new byte[] { 0xFF, 0xD8 } : type == AttachmentTypes.Png ? [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] : "RIFF\x10\0\0\0WEBP"u8.ToArray();
        try
        {
            PhotoMetadata.Remove(type, [.. prefix, .. bytes]);
        }
        catch (MalformedFileException)
        {
        }

        return true.ToProperty();
    }

    private static byte[] Fixture(string type) => type switch
    {
        "jpeg" => PhotoFixtures.JpegWithGps(),
        "png" => PhotoFixtures.PngWithGps(),
        _ => PhotoFixtures.WebpWithMetadata(),
    };

    private static List<string> JpegMarkers(byte[] jpeg)
    {
        var markers = new List<string>();
        var position = 2;
        while (jpeg[position + 1] != 0xDA)
        {
            markers.Add(jpeg[position + 1].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        markers.Add("DA");
        return markers;
    }

    private static List<string> PngChunks(byte[] png)
    {
        var chunks = new List<string>();
        for (var position = 8; position < png.Length;)
        {
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(position));
            chunks.Add(Encoding.ASCII.GetString(png, position + 4, 4));
            position += 12 + length;
        }

        return chunks;
    }
}
