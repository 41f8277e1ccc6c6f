using System.Collections.Concurrent;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// Senders recovered from transaction signatures, by transaction hash, so that a transaction checked in the
/// mempool is not verified again when its block executes. Bounded; thread-safe.
/// </summary>
/// <remarks>
/// Two generations: lookups search both, inserts go to the current one, and when it reaches half the
/// capacity the older generation is dropped. Recently used entries survive at least one rotation without
/// any per-entry bookkeeping. A hash fixes the whole signed encoding, signature included, so a cached
/// sender is exactly what recovery would return.
/// </remarks>
public sealed class SenderCache
{
    private readonly int _generationSize;
    private readonly Lock _rotateGate = new();
    private ConcurrentDictionary<Hash256, Address> _current = new();
    private ConcurrentDictionary<Hash256, Address> _previous = new();

    public SenderCache(int capacity = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationSize = capacity / 2;
    }

    public int Count => _current.Count + _previous.Count;

    public bool TryGet(Hash256 transactionHash, out Address sender)
    {
        if (_current.TryGetValue(transactionHash, out sender))
        {
            return true;
        }

        if (_previous.TryGetValue(transactionHash, out sender))
        {
            _current[transactionHash] = sender;
            return true;
        }

        return false;
    }

    public void Add(Hash256 transactionHash, Address sender)
    {
        _current[transactionHash] = sender;
        if (_current.Count >= _generationSize)
        {
            lock (_rotateGate)
            {
                if (_current.Count >= _generationSize)
                {
                    _previous = _current;
                    _current = new ConcurrentDictionary<Hash256, Address>();
                }
            }
        }
    }

    /// <summary>The sender of <paramref name="transaction"/>: cached, or recovered (and cached). False for a bad signature.</summary>
    public bool TryGetOrRecover(SignedTransaction transaction, out Address sender)
    {
        if (TryGet(transaction.Hash, out sender))
        {
            return true;
        }

        if (!transaction.TryRecoverSender(out sender))
        {
            return false;
        }

        Add(transaction.Hash, sender);
        return true;
    }
}
