using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>Verification by public-key recovery with libsecp256k1: the signature must recover exactly <c>signer</c>.</summary>
public sealed class Secp256k1SignatureVerifier : ISignatureVerifier
{
    public static Secp256k1SignatureVerifier Instance { get; } = new();

    public bool Verify(Hash256 digest, RecoverableSignature signature, Address signer) =>
        Secp256k1.Shared.TryRecover(digest, signature, out var key) && key.Address == signer;
}
