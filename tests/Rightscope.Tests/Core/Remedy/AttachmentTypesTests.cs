using System.Text;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class AttachmentTypesTests
{
    public static TheoryData<string, string, string> Accepted => new()
    {
        { "photo.JPG", "FFD8FFE000104A464946", "jpeg" },
        { "shot.png", "89504E470D0A1A0A0000000D49484452", "png" },
        { "image.webp", "52494646000000005745425056503820", "webp" },
        { "image.heic", "00000018667479706865696300000000", "heic" },
        { "letter.pdf", "255044462D312E370A", "pdf" },
        { "notes.txt", Convert.ToHexString(Encoding.UTF8.GetBytes("Ce qui s'est passé — 发生了什么\r\n")), "text" },
        { "voice.mp3", "4944330400000000", "mp3" },
        { "voice.m4a", "000000206674797049344120000000004D344120", "m4a" },
        { "voice.ogg", "4F67675300020000", "ogg" },
        { "video.mp4", "000000206674797069736F6D0000020069736F6D", "mp4" },
        { "report.docx", "504B0304140006000800", "docx" },
        { "sheet.xlsx", "504B0304140006000800", "xlsx" },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Files_whose_name_and_first_bytes_agree_are_recognized(string name, string head, string code) =>
        Assert.Equal(code, AttachmentTypes.Recognize(name, Convert.FromHexString(head))?.Code);

    [Fact]
    public void An_odt_needs_its_mimetype_entry_first()
    {
        var odt = new byte[128];
        "PK\x03\x04"u8.CopyTo(odt);
        "mimetype"u8.CopyTo(odt.AsSpan(30));
        "application/vnd.oasis.opendocument.text"u8.CopyTo(odt.AsSpan(38));
        Assert.Equal("odt", AttachmentTypes.Recognize("text.odt", odt)?.Code);
        "application/vnd.oasis.opendocument.sheet"u8.CopyTo(odt.AsSpan(38));
        Assert.Null(AttachmentTypes.Recognize("text.odt", odt));
    }

    public static TheoryData<string, string> Refused => new()
    {
        { "photo.jpg", "4D5A90000300000004000000" },        // a Windows executable renamed
        { "page.html", Convert.ToHexString("<html><script>"u8) },
        { "page.txt", "7F454C46020101000000" },             // an ELF binary called .txt
        { "notes.txt", "48656C6C6F00576F726C64" },          // a NUL byte
        { "image.svg", Convert.ToHexString("<svg xmlns="u8) },
        { "letter.pdf", "FFD8FFE000104A464946" },           // a JPEG called .pdf
        { "no-extension", "255044462D312E37" },
        { "archive.zip", "504B0304140006000800" },
        { "video.mp4", "0000002066747970686569630000000068656963" }, // HEIC called .mp4
        { "empty.png", "" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Anything_else_is_refused(string name, string head) =>
        Assert.Null(AttachmentTypes.Recognize(name, Convert.FromHexString(head)));

    [Theory]
    [InlineData("C:\\Users\\ana\\Desktop\\photo.jpg", "photo.jpg")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("evil\u202Egpj.exe", "evilgpj.exe")]
    [InlineData("line\r\nbreak.txt", "linebreak.txt")]
    [InlineData("   ", "file")]
    [InlineData(null, "file")]
    [InlineData("证据.pdf", "证据.pdf")]
    public void Names_are_cleaned_to_their_last_segment_without_control_characters(string? raw, string expected) =>
        Assert.Equal(expected, AttachmentName.Clean(raw));

    [Fact]
    public void Long_names_keep_their_extension()
    {
        var cleaned = AttachmentName.Clean(new string('a', 500) + ".pdf");
        Assert.Equal(AttachmentName.MaxLength, cleaned.Length);
        Assert.EndsWith(".pdf", cleaned, StringComparison.Ordinal);
    }
}
