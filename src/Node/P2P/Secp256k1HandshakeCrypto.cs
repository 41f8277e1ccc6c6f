using DaiChain.Ledger.Crypto;

namespace DaiChain.Node.P2P;

/// <summary>
/// <see cref="IHandshakeCrypto"/> over the project's libsecp256k1 binding: ephemeral keys from the operating system's
/// random number generator, ECDH as SHA-256 of the compressed shared point, and signatures in the
/// <see cref="SigningDomain.Handshake"/> domain checked by recovery (<c>docs/spec/signatures.md</c>, "Who signed").
/// </summary>
public sealed class Secp256k1HandshakeCrypto : IHandshakeCrypto
{
    private readonly Secp256k1 _secp256k1;

    /// <param name="secp256k1">The library context; <see cref="Secp256k1.Shared"/> by default.</param>
    public Secp256k1HandshakeCrypto(Secp256k1? secp256k1 = null)
    {
        _secp256k1 = secp256k1 ?? Secp256k1.Shared;
    }

    public IEphemeralKey CreateEphemeralKey() => new Secp256k1EphemeralKey(PrivateKey.Generate(), _secp256k1);

    public bool IsValidPublicKey(ReadOnlySpan<byte> compressedPublicKey) =>
        PeerId.IsWellFormed(compressedPublicKey) && PublicKey.TryParse(compressedPublicKey, out _);

    public bool VerifyHandshake(PeerId signer, string chainId, ReadOnlySpan<byte> payload, ReadOnlySpan<byte> signature)
    {
        if (signer.IsEmpty || !SignBytes.IsValidChainId(chainId) || !RecoverableSignature.TryParse(signature, out var parsed))
        {
            return false;
        }

        var digest = SignBytes.Digest(SigningDomain.Handshake, chainId, payload);
        return _secp256k1.TryRecover(digest, parsed, out var recovered) && recovered.Compressed.SequenceEqual(signer.Bytes);
    }
}
