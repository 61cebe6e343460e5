using System.Text;
using BenchmarkDotNet.Attributes;
using Rightscope.Core.Remedy;

namespace Rightscope.Benchmarks;

/// <summary>
/// The crypto of one public submission and of reading it: encrypting a 2 KiB report, sealing the case key to three
/// recipients and wrapping it for the reporter (Argon2id measured separately), a handler opening it, Argon2id at the
/// default cost, and generating a receipt.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RemedyCryptoBenchmarks
{
    private readonly Guid _caseId = Guid.CreateVersion7();
    private readonly byte[] _report = Encoding.UTF8.GetBytes(new string('x', 2048));
    private readonly byte[] _salt = ReporterAccessKey.NewSalt();
    private RecipientPublicKey[] _recipients = [];
    private RecipientPrivateKey _handler = null!;
    private ReporterAccessKey _reporterAccess = null!;
    private Receipt _receipt = null!;
    private byte[] _sealedReport = [];
    private byte[] _handlerEnvelope = [];

    [GlobalSetup]
    public void Setup()
    {
        var cheap = KeyDerivationCost.Reduced(1024, 1);
        var wrapped = Enumerable.Range(0, 3).Select(i => RecipientKeyPair.Generate("handler password " + i, cheap, out _)).ToArray();
        _recipients = [.. wrapped.Select(w => w.PublicKey)];
        _handler = RecipientKeyPair.UnwrapWithPassword(wrapped[0], "handler password 0");
        _receipt = Receipt.Generate();
        // The reporter's Argon2id runs once per submission; SealSubmission measures everything else.
        _reporterAccess = ReporterAccessKey.Derive(_receipt, _salt, KeyDerivationCost.Default);

        using var caseKey = CaseKey.Create(_caseId);
        _sealedReport = CaseCipher.Encrypt(caseKey, ContentPurpose.Report, _report);
        _handlerEnvelope = SealedBox.Seal(caseKey, _recipients[0]);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _handler.Dispose();
        _reporterAccess.Dispose();
        _receipt.Dispose();
    }

    [Benchmark]
    public int SealSubmission()
    {
        using var caseKey = CaseKey.Create(_caseId);
        var length = CaseCipher.Encrypt(caseKey, ContentPurpose.Report, _report).Length;
        foreach (var recipient in _recipients)
        {
            length += SealedBox.Seal(caseKey, recipient).Length;
        }

        return length + ReporterEnvelope.Seal(caseKey, _reporterAccess).Length;
    }

    [Benchmark]
    public int OpenByHandler()
    {
        using var caseKey = SealedBox.Open(_handlerEnvelope, _handler, _caseId);
        return CaseCipher.Decrypt(caseKey, ContentPurpose.Report, _sealedReport).Length;
    }

    [Benchmark]
    public int Argon2idDefaultCost()
    {
        using var access = ReporterAccessKey.Derive(_receipt, _salt, KeyDerivationCost.Default);
        return access.LookupId.Length;
    }

    /// <summary>The same at the receipt default (32 MiB, 2 passes), what a new channel records.</summary>
    [Benchmark]
    public int Argon2idReceiptDefaultCost()
    {
        using var access = ReporterAccessKey.Derive(_receipt, _salt, KeyDerivationCost.ReceiptDefault);
        return access.LookupId.Length;
    }

    [Benchmark]
    public string GenerateReceipt()
    {
        using var receipt = Receipt.Generate();
        return receipt.FormatForDisplay();
    }
}
