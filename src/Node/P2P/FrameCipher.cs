using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DaiChain.Node.P2P;

/// <summary>
/// One direction of a connection: ChaCha20-Poly1305 under that direction's key, with a 64-bit frame counter as
/// the nonce and the frame's length prefix as associated data (<c>docs/spec/p2p.md</c>, "Frames").
/// </summary>
/// <remarks>
/// Each key is used by exactly one direction of one connection and the counter never repeats, so a nonce is never
/// reused. Reordered, replayed, dropped or altered frames fail authentication because the receiver's counter no
/// longer matches. Not thread-safe: one writer or one reader owns an instance.
/// </remarks>
internal sealed class FrameCipher : IDisposable
{
    public const int KeyBytes = 32;
    public const int TagBytes = 16;
    public const int NonceBytes = 12;
    public const int LengthBytes = 4;

    private readonly ChaCha20Poly1305 _aead;
    private ulong _counter;

    public FrameCipher(ReadOnlySpan<byte> key)
    {
        if (key.Length != KeyBytes)
        {
            throw new ArgumentException($"a frame key is {KeyBytes} bytes", nameof(key));
        }

        _aead = new ChaCha20Poly1305(key);
    }

    /// <summary>Frames sealed or opened so far (the next nonce).</summary>
    public ulong Counter => _counter;

    /// <summary>Bytes on the wire for a plaintext of <paramref name="plaintextLength"/> bytes.</summary>
    public static int WireLength(int plaintextLength) => LengthBytes + plaintextLength + TagBytes;

    /// <summary>
    /// Writes the length prefix, ciphertext and tag of <paramref name="plaintext"/> to <paramref name="destination"/>
    /// and returns the bytes written (<see cref="WireLength"/>).
    /// </summary>
    public int Seal(ReadOnlySpan<byte> plaintext, Span<byte> destination)
    {
        var sealedLength = plaintext.Length + TagBytes;
        var total = LengthBytes + sealedLength;
        if (destination.Length < total)
        {
            throw new ArgumentException("destination too small for the sealed frame", nameof(destination));
        }

        var lengthPrefix = destination[..LengthBytes];
        BinaryPrimitives.WriteUInt32BigEndian(lengthPrefix, (uint)sealedLength);
        Span<byte> nonce = stackalloc byte[NonceBytes];
        NextNonce(nonce);
        _aead.Encrypt(nonce, plaintext, destination.Slice(LengthBytes, plaintext.Length), destination.Slice(LengthBytes + plaintext.Length, TagBytes), lengthPrefix);
        return total;
    }

    /// <summary>
    /// Decrypts the frame whose length prefix is <paramref name="lengthPrefix"/> and whose ciphertext and tag are
    /// <paramref name="sealedFrame"/> into <paramref name="plaintext"/> (at least <c>sealedFrame.Length - TagBytes</c>).
    /// Returns false if authentication fails; the connection must then be dropped, as the counters no longer agree.
    /// </summary>
    public bool TryOpen(ReadOnlySpan<byte> lengthPrefix, ReadOnlySpan<byte> sealedFrame, Span<byte> plaintext)
    {
        if (sealedFrame.Length < TagBytes)
        {
            return false;
        }

        var cipherLength = sealedFrame.Length - TagBytes;
        Span<byte> nonce = stackalloc byte[NonceBytes];
        NextNonce(nonce);
        try
        {
            _aead.Decrypt(nonce, sealedFrame[..cipherLength], sealedFrame[cipherLength..], plaintext[..cipherLength], lengthPrefix);
            return true;
        }
        catch (AuthenticationTagMismatchException)
        {
            return false;
        }
    }

    public void Dispose() => _aead.Dispose();

    private void NextNonce(Span<byte> nonce)
    {
        if (_counter == ulong.MaxValue)
        {
            throw new InvalidOperationException("frame counter exhausted; the connection must be re-established");
        }

        nonce[..4].Clear();
        BinaryPrimitives.WriteUInt64BigEndian(nonce[4..], _counter);
        _counter++;
    }
}
