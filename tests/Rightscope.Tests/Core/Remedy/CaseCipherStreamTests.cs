using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rightscope.Core.Remedy;

namespace Rightscope.Tests.Core.Remedy;

public sealed class CaseCipherStreamTests
{
    private static readonly string Purpose = ContentPurpose.FileContent(Guid.Parse("0196f3a4-0000-7000-8000-0000000000f1"));

    public static TheoryData<int> Lengths => [0, 1, CaseCipher.ChunkSize - 1, CaseCipher.ChunkSize, CaseCipher.ChunkSize + 1, 3 * CaseCipher.ChunkSize, 3 * CaseCipher.ChunkSize + 17];

    [Theory]
    [MemberData(nameof(Lengths))]
    public async Task Files_round_trip_around_chunk_boundaries(int length)
    {
        var content = new byte[length];
        Random.Shared.NextBytes(content);
        using var key = CaseKey.Create(Guid.NewGuid());

        var sealedFile = await Encrypt(key, content);

        Assert.Equal(CaseCipher.StreamCiphertextLength(length), sealedFile.Length);
        Assert.Equal(content, await Decrypt(key, sealedFile));
    }

    [Property(MaxTest = 40)]
    public Property Changing_any_byte_fails(PositiveInt length, PositiveInt index, byte mask)
    {
        var content = new byte[length.Get % (2 * CaseCipher.ChunkSize + 10)];
        Random.Shared.NextBytes(content);
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedFile = Encrypt(key, content).GetAwaiter().GetResult();
        var at = index.Get % sealedFile.Length;
        var tampered = TestCost.Flip(sealedFile, at, mask);
        return TestCost.Throws(() => Decrypt(key, tampered).GetAwaiter().GetResult()).Label($"byte {at} of {sealedFile.Length}");
    }

    [Fact]
    public async Task Truncation_at_a_chunk_boundary_reordering_and_appending_fail()
    {
        var content = new byte[3 * CaseCipher.ChunkSize];
        Random.Shared.NextBytes(content);
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedFile = await Encrypt(key, content);
        var header = sealedFile.Length - (3 * (CaseCipher.ChunkSize + 16)) - 16;
        var chunk = CaseCipher.ChunkSize + 16;

        var withoutLast = sealedFile[..^16];
        var withoutTwoChunks = sealedFile[..(header + chunk)];
        var swapped = (byte[])sealedFile.Clone();
        sealedFile.AsSpan(header, chunk).CopyTo(swapped.AsSpan(header + chunk));
        sealedFile.AsSpan(header + chunk, chunk).CopyTo(swapped.AsSpan(header));
        byte[] appended = [.. sealedFile, .. sealedFile.AsSpan(header, chunk)];

        foreach (var broken in new[] { withoutLast, withoutTwoChunks, swapped, appended, sealedFile[..10] })
        {
            await Assert.ThrowsAsync<CryptoOpenException>(() => Decrypt(key, broken));
        }
    }

    [Fact]
    public async Task A_file_moved_to_another_file_or_case_fails()
    {
        using var key = CaseKey.Create(Guid.NewGuid());
        var sealedFile = await Encrypt(key, [1, 2, 3]);
        var raw = new byte[32];
        Assert.True(key.TryExport(raw));
        using var otherCase = CaseKey.Import(Guid.NewGuid(), raw);

        await Assert.ThrowsAsync<CryptoOpenException>(() => Decrypt(otherCase, sealedFile));
        await Assert.ThrowsAsync<CryptoOpenException>(async () =>
            await CaseCipher.DecryptStreamAsync(key, ContentPurpose.FileContent(Guid.NewGuid()), new MemoryStream(sealedFile), new MemoryStream()));
    }

    private static async Task<byte[]> Encrypt(CaseKey key, byte[] content)
    {
        using var output = new MemoryStream();
        await CaseCipher.EncryptStreamAsync(key, Purpose, new MemoryStream(content), output);
        return output.ToArray();
    }

    private static async Task<byte[]> Decrypt(CaseKey key, byte[] sealedFile)
    {
        using var output = new MemoryStream();
        await CaseCipher.DecryptStreamAsync(key, Purpose, new MemoryStream(sealedFile), output);
        return output.ToArray();
    }
}
