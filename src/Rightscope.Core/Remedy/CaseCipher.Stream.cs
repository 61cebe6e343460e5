using System.Security.Cryptography;

namespace Rightscope.Core.Remedy;

// Files in chunks, so an upload is never held in memory whole. The STREAM construction (Hoang, Reyhanitabar, Rogaway,
// Vizár 2015): nonce = random 16-byte prefix ‖ chunk counter (u64 BE); the last chunk is marked in the associated
// data, so reordered, dropped, repeated or truncated chunks fail. Every chunk but the last holds exactly ChunkSize
// plaintext bytes; the last holds fewer (possibly none), which is how the reader knows it is last.
public static partial class CaseCipher
{
    private const byte ChunkSizeLog2 = 16;
    private const int StreamHeaderSize = HeaderSize + 16;

    /// <summary>Plaintext bytes per chunk of <see cref="EncryptStreamAsync"/>.</summary>
    public const int ChunkSize = 1 << ChunkSizeLog2;

    /// <summary>Size of the ciphertext <see cref="EncryptStreamAsync"/> writes for a plaintext of the given length.</summary>
    public static long StreamCiphertextLength(long plaintextLength) =>
        StreamHeaderSize + plaintextLength + ((plaintextLength / ChunkSize) + 1) * Envelope.TagSize;

    public static async Task EncryptStreamAsync(CaseKey key, string purpose, Stream plaintext, Stream ciphertext, CancellationToken cancellationToken = default)
    {
        var header = new byte[StreamHeaderSize];
        header[0] = Envelope.Version;
        header[1] = (byte)EnvelopeKind.ContentStream;
        header[2] = Envelope.XChaCha20Poly1305Id;
        header[3] = ChunkSizeLog2;
        RandomNumberGenerator.Fill(header.AsSpan(HeaderSize));
        await ciphertext.WriteAsync(header, cancellationToken).ConfigureAwait(false);

        var state = new ChunkState(key, purpose, header);
        var input = GC.AllocateUninitializedArray<byte>(ChunkSize, pinned: true);
        var output = new byte[ChunkSize + Envelope.TagSize];
        try
        {
            while (true)
            {
                var read = await plaintext.ReadAtLeastAsync(input, ChunkSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                var last = read < ChunkSize;
                state.Encrypt(input.AsSpan(0, read), last, output);
                await ciphertext.WriteAsync(output.AsMemory(0, read + Envelope.TagSize), cancellationToken).ConfigureAwait(false);
                if (last)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
        }
    }

    /// <summary>
    /// Decrypts chunk by chunk into <paramref name="plaintext"/>. On <see cref="CryptoOpenException"/> the chunks
    /// already written are authentic but incomplete: discard the output.
    /// </summary>
    public static async Task DecryptStreamAsync(CaseKey key, string purpose, Stream ciphertext, Stream plaintext, CancellationToken cancellationToken = default)
    {
        var header = new byte[StreamHeaderSize];
        if (await ciphertext.ReadAtLeastAsync(header, StreamHeaderSize, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false) != StreamHeaderSize)
        {
            throw new CryptoOpenException();
        }

        Envelope.ExpectHeader(header, StreamHeaderSize, EnvelopeKind.ContentStream, Envelope.XChaCha20Poly1305Id, ChunkSizeLog2);
        var state = new ChunkState(key, purpose, header);
        var input = new byte[ChunkSize + Envelope.TagSize];
        var output = GC.AllocateUninitializedArray<byte>(ChunkSize, pinned: true);
        try
        {
            while (true)
            {
                var read = await ciphertext.ReadAtLeastAsync(input, input.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
                if (read < Envelope.TagSize)
                {
                    throw new CryptoOpenException();
                }

                var last = read < input.Length;
                var length = read - Envelope.TagSize;
                state.Decrypt(input.AsSpan(0, read), last, output);
                await plaintext.WriteAsync(output.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                if (last)
                {
                    return;
                }
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(output);
        }
    }

    private sealed class ChunkState(CaseKey key, string purpose, byte[] header)
    {
        private readonly byte[] _associatedData = WithFlag(AssociatedData(header, key.CaseId, purpose));
        private readonly byte[] _nonce = NoncePrefix(header);
        private ulong _counter;

        public void Encrypt(ReadOnlySpan<byte> chunk, bool last, Span<byte> output)
        {
            Next(last);
            Envelope.Aead.Encrypt(key.Key, _nonce, _associatedData, chunk, output[..(chunk.Length + Envelope.TagSize)]);
        }

        public void Decrypt(ReadOnlySpan<byte> chunk, bool last, Span<byte> output)
        {
            Next(last);
            if (!Envelope.Aead.Decrypt(key.Key, _nonce, _associatedData, chunk, output[..(chunk.Length - Envelope.TagSize)]))
            {
                throw new CryptoOpenException();
            }
        }

        private void Next(bool last)
        {
            WriteCounter(_nonce, _counter++);
            _associatedData[^1] = last ? (byte)1 : (byte)0;
        }

        private static byte[] WithFlag(byte[] associatedData)
        {
            var result = new byte[associatedData.Length + 1];
            associatedData.CopyTo(result, 0);
            return result;
        }

        private static byte[] NoncePrefix(byte[] header)
        {
            var nonce = new byte[Envelope.NonceSize];
            header.AsSpan(HeaderSize, 16).CopyTo(nonce);
            return nonce;
        }
    }
}
