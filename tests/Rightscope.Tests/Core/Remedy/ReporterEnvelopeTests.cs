using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class ReporterEnvelopeTests
{
    private static readonly byte[] ChannelSalt = ReporterAccessKey.NewSalt();

    [Property(MaxTest = 30)]
    public bool The_receipt_finds_and_opens_the_case(Guid caseId, byte[] content)
    {
        using var caseKey = CaseKey.Create(caseId);
        var sealedContent = CaseCipher.Encrypt(caseKey, ContentPurpose.Report, content);
        using var receipt = Receipt.Generate();
        using var atSubmission = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        var envelope = ReporterEnvelope.Seal(caseKey, atSubmission);

        // Later, from what the reporter types.
        using var typed = Receipt.Parse(receipt.FormatForDisplay());
        using var atFollowUp = ReporterAccessKey.Derive(typed, ChannelSalt, TestCost.Cheap);
        using var opened = ReporterEnvelope.Open(envelope, atFollowUp, caseId);
        using var openedByReceipt = ReporterEnvelope.Open(envelope, typed, caseId);

        return atFollowUp.LookupId.AsSpan().SequenceEqual(atSubmission.LookupId)
            && CaseCipher.Decrypt(opened, ContentPurpose.Report, sealedContent).AsSpan().SequenceEqual(content)
            && CaseCipher.Decrypt(openedByReceipt, ContentPurpose.Report, sealedContent).AsSpan().SequenceEqual(content);
    }

    [Fact]
    public void A_wrong_receipt_has_another_lookup_id_and_cannot_open()
    {
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        using var receipt = Receipt.Parse("1234 5678 9012 3456");
        using var wrong = Receipt.Parse("1234 5678 9012 3457");
        using var access = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        using var wrongAccess = ReporterAccessKey.Derive(wrong, ChannelSalt, TestCost.Cheap);
        var envelope = ReporterEnvelope.Seal(caseKey, access);

        Assert.NotEqual(access.LookupId, wrongAccess.LookupId);
        Assert.Throws<CryptoOpenException>(() => ReporterEnvelope.Open(envelope, wrongAccess, caseId));
        Assert.Throws<CryptoOpenException>(() => ReporterEnvelope.Open(envelope, wrong, caseId));
    }

    [Fact]
    public void The_same_receipt_on_another_channel_has_another_lookup_id()
    {
        using var receipt = Receipt.Generate();
        using var here = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        using var there = ReporterAccessKey.Derive(receipt, ReporterAccessKey.NewSalt(), TestCost.Cheap);
        Assert.NotEqual(here.LookupId, there.LookupId);
    }

    [Fact]
    public void An_envelope_for_another_case_fails()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        using var receipt = Receipt.Generate();
        using var access = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        Assert.Throws<CryptoOpenException>(() => ReporterEnvelope.Open(ReporterEnvelope.Seal(caseKey, access), access, Guid.NewGuid()));
    }

    [Property(MaxTest = 100)]
    public Property Changing_any_byte_fails(PositiveInt index, byte mask)
    {
        var caseId = Guid.NewGuid();
        using var caseKey = CaseKey.Create(caseId);
        using var receipt = Receipt.Generate();
        using var access = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        var envelope = ReporterEnvelope.Seal(caseKey, access);
        var at = index.Get % envelope.Length;
        var tampered = TestCost.Flip(envelope, at, mask);
        return (TestCost.Throws(() => ReporterEnvelope.Open(tampered, access, caseId))
                && TestCost.Throws(() => ReporterEnvelope.Open(tampered, receipt, caseId)))
            .Label($"byte {at}");
    }

    [Fact]
    public void The_envelope_records_its_cost_and_salt_including_the_reduced_flag()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        using var receipt = Receipt.Generate();
        using var access = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        var envelope = ReporterEnvelope.Seal(caseKey, access);

        var (salt, cost) = ReporterEnvelope.ReadParameters(envelope);

        Assert.Equal(ChannelSalt, salt);
        Assert.Equal(TestCost.Cheap, cost);
        Assert.True(cost.IsReduced);
        Assert.Equal(ReporterEnvelope.Length, envelope.Length);
    }

    [Fact]
    public void A_forged_cost_beyond_the_maximum_is_refused_before_any_derivation()
    {
        using var caseKey = CaseKey.Create(Guid.NewGuid());
        using var receipt = Receipt.Generate();
        using var access = ReporterAccessKey.Derive(receipt, ChannelSalt, TestCost.Cheap);
        var envelope = ReporterEnvelope.Seal(caseKey, access);
        envelope[4] = 0xFF; // memory KiB, most significant byte: about 4 TiB

        Assert.Throws<CryptoOpenException>(() => ReporterEnvelope.ReadParameters(envelope));
        Assert.Throws<CryptoOpenException>(() => ReporterEnvelope.Open(envelope, receipt, caseKey.CaseId));
    }
}
