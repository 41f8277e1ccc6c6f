namespace DaiChain.Node.P2P;

/// <summary>
/// The public-key operations of the handshake, a narrow port over the project's secp256k1 service so the
/// transport neither implements curve arithmetic nor depends on more of the crypto library than it uses.
/// </summary>
public interface IHandshakeCrypto
{
    /// <summary>A fresh ephemeral key pair from a cryptographic random source.</summary>
    IEphemeralKey CreateEphemeralKey();

    /// <summary>True if <paramref name="compressedPublicKey"/> is 33 bytes and a point on the curve.</summary>
    bool IsValidPublicKey(ReadOnlySpan<byte> compressedPublicKey);

    /// <summary>
    /// True if <paramref name="signature"/> was made by <paramref name="signer"/> over <paramref name="payload"/> in
    /// the handshake signing domain for <paramref name="chainId"/> (the counterpart of <see cref="INodeIdentity.SignHandshake"/>).
    /// Returns false, never throws, for any malformed signature.
    /// </summary>
    bool VerifyHandshake(PeerId signer, string chainId, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature);
}
