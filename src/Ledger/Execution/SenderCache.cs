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

    // ConcurrentDictionary.Count takes every bucket lock: counting inserts here keeps Add lock-free.
    private int _currentCount;

    public SenderCache(int capacity = 200_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        _generationSize = capacity / 2;
    }

    public int Count => Volatile.Read(ref _currentCount) + _previous.Count;

    public bool TryGet(Hash256 transactionHash, out Address sender)
    {
        if (_current.TryGetValue(transactionHash, out sender))
        {
            return true;
        }

        if (_previous.TryGetValue(transactionHash, out sender))
        {
            Add(transactionHash, sender);
            return true;
        }

        return false;
    }

    public void Add(Hash256 transactionHash, Address sender)
    {
        if (!_current.TryAdd(transactionHash, sender) || Interlocked.Increment(ref _currentCount) < _generationSize)
        {
            return;
        }

        lock (_rotateGate)
        {
            if (Volatile.Read(ref _currentCount) >= _generationSize)
            {
                _previous = _current;
                _current = new ConcurrentDictionary<Hash256, Address>();
                Volatile.Write(ref _currentCount, 0);
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
