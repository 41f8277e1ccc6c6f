using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>
/// Something that signs on behalf of one key: in memory now, later behind a double-sign guard or a remote signer.
/// Callers pass the domain, chain id and canonical bytes, never a digest, so domain separation cannot be skipped.
/// </summary>
public interface ISigner
{
    /// <summary>The signer's address.</summary>
    Address Address { get; }

    /// <summary>The signer's public key.</summary>
    PublicKey PublicKey { get; }

    /// <summary>Signs <see cref="SignBytes.Digest"/> of the arguments.</summary>
    RecoverableSignature Sign(SigningDomain domain, string chainId, ReadOnlySpan<byte> canonicalBytes);
}
