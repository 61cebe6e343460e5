using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class CaseCipherTests
{
    private static readonly string Purpose = ContentPurpose.Message(Guid.Parse("0196f3a4-0000-7000-8000-000000000001"), "reporter");

    [Property(MaxTest = 200)]
    public bool Bytes_round_trip(byte[] content, Guid caseId)
    {
        using var key = CaseKey.Create(caseId);
        var sealedContent = CaseCipher.Encrypt(key, Purpose, content);
        return sealedContent.Length == content.Length + CaseCipher.Overhead
            && CaseCipher.Decrypt(key, Purpose, sealedContent).AsSpan().SequenceEqual(content);
    }

    [Property(MaxTest = 200)]
    public bool Text_round_trips(NonNull<string> text)
    {
        // Lone surrogates are not text a person can submit; UTF-8 replaces them, so compare what UTF-8 keeps.
        var expected = Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text.Get));
        using var key = CaseKey.Create(Guid.NewGuid());
        return CaseCipher.DecryptText(key, ContentPurpose.Report, CaseCipher.EncryptText(key, ContentPurpose.Report, text.Get)) == expected;
    }

    [Property(MaxTest = 300)]
    public Property Changing_any_byte_fails_to_open(NonEmptyArray<byte> content, PositiveInt index, byte mask)
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedContent = CaseCipher.Encrypt(key, Purpose, content.Get);
        var at = index.Get % sealedContent.Length;
        var tampered = TestCost.Flip(sealedContent, at, mask);
        return TestCost.Throws(() => CaseCipher.Decrypt(key, Purpose, tampered)).Label($"byte {at} of {sealedContent.Length}");
    }

    [Property(MaxTest = 100)]
    public Property Truncated_or_extended_ciphertext_fails(NonEmptyArray<byte> content, PositiveInt cut)
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedContent = CaseCipher.Encrypt(key, Purpose, content.Get);
        var shorter = sealedContent[..(cut.Get % sealedContent.Length)];
        byte[] longer = [.. sealedContent, 0];
        return (TestCost.Throws(() => CaseCipher.Decrypt(key, Purpose, shorter)) && TestCost.Throws(() => CaseCipher.Decrypt(key, Purpose, longer))).ToProperty();
    }

    [Fact]
    public void Ciphertext_moved_to_another_case_or_purpose_fails()
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedContent = CaseCipher.EncryptText(key, Purpose, "they read my messages");
        Assert.Equal("they read my messages", CaseCipher.DecryptText(key, Purpose, sealedContent));

        // The same key material under another case id: only the binding differs.
        var raw = new byte[32];
        Assert.True(key.TryExport(raw));
        using var sameKeyOtherCase = CaseKey.Import(Guid.NewGuid(), raw);
        Assert.Throws<CryptoOpenException>(() => CaseCipher.DecryptText(sameKeyOtherCase, Purpose, sealedContent));

        Assert.Throws<CryptoOpenException>(() => CaseCipher.DecryptText(key, ContentPurpose.Report, sealedContent));
        Assert.Throws<CryptoOpenException>(() => CaseCipher.DecryptText(key, ContentPurpose.Message(Guid.NewGuid(), "reporter"), sealedContent));
        Assert.Throws<CryptoOpenException>(() => CaseCipher.DecryptText(key, Purpose.Replace("reporter", "handler", StringComparison.Ordinal), sealedContent));
    }

    [Fact]
    public void Two_encryptions_of_the_same_content_differ()
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        var content = Encoding.UTF8.GetBytes("same words");
        Assert.NotEqual(CaseCipher.Encrypt(key, Purpose, content), CaseCipher.Encrypt(key, Purpose, content));
    }

    [Fact]
    public void Another_case_key_fails()
    {
        var caseId = Guid.NewGuid();
        using var key = CaseKey.Create(caseId);
        using var other = CaseKey.Create(caseId);
        Assert.Throws<CryptoOpenException>(() => CaseCipher.Decrypt(other, Purpose, CaseCipher.Encrypt(key, Purpose, [1, 2, 3])));
    }

    [Fact]
    public void Empty_purpose_is_a_programming_error_not_a_silent_default()
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        Assert.Throws<ArgumentException>(() => CaseCipher.Encrypt(key, "", [1]));
    }
}
