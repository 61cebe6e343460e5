using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class SealedBoxTests
{
    private static readonly Recipient Alice = new("alice's long password");
    private static readonly Recipient Bob = new("bob's long password");

    [Property(MaxTest = 50)]
    public bool Every_recipient_opens_the_same_case_key(Guid caseId, byte[] content)
    {
        using var caseKey = CaseKey.Create(caseId);
        var sealedContent = CaseCipher.Encrypt(caseKey, ContentPurpose.Report, content);

        using var byAlice = SealedBox.Open(SealedBox.Seal(caseKey, Alice.Public), Alice.Private, caseId);
        using var byBob = SealedBox.Open(SealedBox.Seal(caseKey, Bob.Public), Bob.Private, caseId);

        return CaseCipher.Decrypt(byAlice, ContentPurpose.Report, sealedContent).AsSpan().SequenceEqual(content)
            && CaseCipher.Decrypt(byBob, ContentPurpose.Report, sealedContent).AsSpan().SequenceEqual(content);
    }

    [Fact]
    public void Another_recipient_cannot_open()
    {
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        Assert.Throws<CryptoOpenException>(() => SealedBox.Open(SealedBox.Seal(caseKey, Alice.Public), Bob.Private, caseId));
    }

    [Fact]
    public void An_envelope_for_another_case_fails()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        Assert.Throws<CryptoOpenException>(() => SealedBox.Open(SealedBox.Seal(caseKey, Alice.Public), Alice.Private, Guid.NewGuid()));
    }

    [Property(MaxTest = 200)]
    public Property Changing_any_byte_fails(PositiveInt index, byte mask)
    {
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        var envelope = SealedBox.Seal(caseKey, Alice.Public);
        var at = index.Get % envelope.Length;
        return TestCost.Throws(() => SealedBox.Open(TestCost.Flip(envelope, at, mask), Alice.Private, caseId)).Label($"byte {at}");
    }

    [Fact]
    public void Two_seals_of_the_same_key_differ_and_have_the_documented_length()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        var first = SealedBox.Seal(caseKey, Alice.Public);
        var second = SealedBox.Seal(caseKey, Alice.Public);

        Assert.NotEqual(first, second);
        Assert.Equal(SealedBox.Length, first.Length);
        Assert.Equal(new byte[] { 1, 3, 1, 1 }, first[..4]);
    }

    [Fact]
    public void A_low_order_public_key_is_refused_when_sealing()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        Assert.Throws<ArgumentException>(() => SealedBox.Seal(caseKey, RecipientPublicKey.FromBytes(new byte[32])));
    }

    [Fact]
    public void A_private_key_from_the_session_opens_but_cannot_be_exported_again()
    {
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        var envelope = SealedBox.Seal(caseKey, Alice.Public);

        var cookieBytes = Alice.Private.ExportForSession();
        using var fromSession = RecipientPrivateKey.ImportFromSession(cookieBytes);
        using var opened = SealedBox.Open(envelope, fromSession, caseId);

        Assert.Equal(caseId, opened.CaseId);
        Assert.False(fromSession.CanExport);
        Assert.Throws<InvalidOperationException>(fromSession.ExportForSession);
    }

    private sealed class Recipient
    {
        public Recipient(string password)
        {
            var wrapped = RecipientKeyPair.Generate(password, TestCost.Cheap, out var recovery);
            recovery.Dispose();
            Public = wrapped.PublicKey;
            Private = RecipientKeyPair.UnwrapWithPassword(wrapped, password);
        }

        public RecipientPublicKey Public { get; }

        public RecipientPrivateKey Private { get; }
    }
}
