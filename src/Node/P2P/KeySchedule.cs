using System.Security.Cryptography;

namespace DaiChain.Node.P2P;

/// <summary>
/// The handshake's key schedule (<c>docs/spec/p2p.md</c>, "Key schedule"): transcript hashes, HKDF-SHA256 from the
/// ECDH secret to one key per direction, and the payload each side signs.
/// </summary>
/// <remarks>
/// Both sides order the two hellos by their ephemeral keys ("low" and "high" side) so that they compute the same
/// transcript without knowing who dialed. The low side sends with <see cref="SessionSecrets.LowToHighKey"/>. The
/// signed payload ends with the signer's side, so a signature can never be reflected back as the other side's.
/// </remarks>
internal static class KeySchedule
{
    public const int HashBytes = 32;

    private const byte LowSide = 0x00;
    private const byte HighSide = 0x01;

    public static ReadOnlySpan<byte> HelloLabel => "DaiChain/p2p/v1/hello"u8;

    public static ReadOnlySpan<byte> KeysLabel => "DaiChain/p2p/v1/keys"u8;

    public static ReadOnlySpan<byte> AuthLabel => "DaiChain/p2p/v1/auth"u8;

    /// <summary>Whether the local side is the low side; throws if the ephemeral keys are equal (a reflected hello).</summary>
    public static bool IsLowSide(ReadOnlySpan<byte> localEphemeralKey, ReadOnlySpan<byte> remoteEphemeralKey)
    {
        var order = localEphemeralKey.SequenceCompareTo(remoteEphemeralKey);
        if (order == 0)
        {
            throw new HandshakeException(HandshakeFailure.InvalidKey, "the remote sent our own ephemeral key back");
        }

        return order < 0;
    }

    /// <summary>th1 = SHA-256(hello label || low hello || high hello).</summary>
    public static byte[] HelloTranscript(ReadOnlySpan<byte> lowHello, ReadOnlySpan<byte> highHello)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(HelloLabel);
        hash.AppendData(lowHello);
        hash.AppendData(highHello);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// The direction keys: HKDF-SHA256 with the ECDH secret as input key material, th1 as salt and the keys label as
    /// info, 64 bytes: the low-to-high key, then the high-to-low key.
    /// </summary>
    public static SessionSecrets Derive(ReadOnlySpan<byte> sharedSecret, ReadOnlySpan<byte> lowHello, ReadOnlySpan<byte> highHello)
    {
        if (sharedSecret.Length != HashBytes)
        {
            throw new ArgumentException($"the ECDH secret is {HashBytes} bytes", nameof(sharedSecret));
        }

        var helloTranscript = HelloTranscript(lowHello, highHello);
        Span<byte> prk = stackalloc byte[HashBytes];
        Span<byte> okm = stackalloc byte[2 * FrameCipher.KeyBytes];
        HKDF.Extract(HashAlgorithmName.SHA256, sharedSecret, helloTranscript, prk);
        HKDF.Expand(HashAlgorithmName.SHA256, prk, okm, KeysLabel);
        var secrets = new SessionSecrets(helloTranscript, okm[..FrameCipher.KeyBytes].ToArray(), okm[FrameCipher.KeyBytes..].ToArray());
        CryptographicOperations.ZeroMemory(prk);
        CryptographicOperations.ZeroMemory(okm);
        return secrets;
    }

    /// <summary>th2 = SHA-256(auth label || th1 || low side's node key || high side's node key).</summary>
    public static byte[] AuthTranscript(ReadOnlySpan<byte> helloTranscript, PeerId lowNodeKey, PeerId highNodeKey)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(AuthLabel);
        hash.AppendData(helloTranscript);
        hash.AppendData(lowNodeKey.Bytes);
        hash.AppendData(highNodeKey.Bytes);
        return hash.GetHashAndReset();
    }

    /// <summary>What a side signs (in the handshake signing domain): th2 || side (0x00 low, 0x01 high).</summary>
    public static byte[] SignPayload(ReadOnlySpan<byte> authTranscript, bool signerIsLow)
    {
        var payload = new byte[HashBytes + 1];
        authTranscript.CopyTo(payload);
        payload[HashBytes] = signerIsLow ? LowSide : HighSide;
        return payload;
    }
}
