using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// Remembers successful verifications, keyed by (digest, signature, signer), in front of another verifier, so a
/// vote that arrives again (gossip, replay, a second engine in the same process) is checked once. Failures are not
/// cached. Thread-safe; bounded by <see cref="Capacity"/> (it is cleared when full).
/// </summary>
public sealed class CachingSignatureVerifier : ISignatureVerifier
{
    private readonly ISignatureVerifier _inner;
    private readonly Dictionary<Hash256, Address> _verified = [];
    private readonly Lock _lock = new();

    public CachingSignatureVerifier(ISignatureVerifier inner, int capacity = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        Capacity = capacity;
    }

    public int Capacity { get; }

    public long Hits { get; private set; }

    public long Misses { get; private set; }

    public bool Verify(Hash256 digest, RecoverableSignature signature, Address signer)
    {
        Span<byte> key = stackalloc byte[Hash256.Size + RecoverableSignature.Size];
        digest.CopyTo(key);
        signature.CopyTo(key[Hash256.Size..]);
        var id = Hash256.Compute(key);
        lock (_lock)
        {
            if (_verified.TryGetValue(id, out var known) && known == signer)
            {
                Hits++;
                return true;
            }

            Misses++;
        }

        if (!_inner.Verify(digest, signature, signer))
        {
            return false;
        }

        lock (_lock)
        {
            if (_verified.Count >= Capacity)
            {
                _verified.Clear();
            }

            _verified[id] = signer;
        }

        return true;
    }
}
