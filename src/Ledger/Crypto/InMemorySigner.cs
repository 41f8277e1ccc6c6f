using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Crypto;

/// <summary>An <see cref="ISigner"/> over a key held in memory. It does not own the key: the caller disposes it.</summary>
public sealed class InMemorySigner : ISigner
{
    private readonly PrivateKey _key;

    public InMemorySigner(PrivateKey key) => _key = key;

    public Address Address => _key.Address;

    public PublicKey PublicKey => _key.PublicKey;

    public RecoverableSignature Sign(SigningDomain domain, string chainId, ReadOnlySpan<byte> canonicalBytes) =>
        _key.Sign(SignBytes.Digest(domain, chainId, canonicalBytes));

    public override string ToString() => $"InMemorySigner({Address})";
}
