namespace DaiChain.Node.P2P;

/// <summary>A one-connection key pair for the handshake's Diffie-Hellman; disposing it erases the secret.</summary>
public interface IEphemeralKey : IDisposable
{
    /// <summary>The 33-byte compressed public key sent in the hello.</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>
    /// The 32-byte shared secret with <paramref name="remotePublicKey"/> (secp256k1 ECDH: SHA-256 of the compressed
    /// shared point, the libsecp256k1 default). Returns false if the remote key is not a valid point.
    /// </summary>
    bool TryDeriveSharedSecret(ReadOnlySpan<byte> remotePublicKey, Span<byte> sharedSecret);
}
