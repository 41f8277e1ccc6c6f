using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>Checks that a recoverable signature over a digest was made by an address.</summary>
/// <remarks>A port so that a node (or the simulation) can put a cache in front of secp256k1: gossip delivers each vote many times.</remarks>
public interface ISignatureVerifier
{
    bool Verify(Hash256 digest, RecoverableSignature signature, Address signer);
}
