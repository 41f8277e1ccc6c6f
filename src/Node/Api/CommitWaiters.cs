using System.Collections.Concurrent;
using DaiChain.Ledger;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Chain;

namespace DaiChain.Node.Api;

/// <summary>
/// Transactions that <c>tx_submit</c> callers wait on, completed when a block commits them or the mempool drops
/// them. Bounded: at most <see cref="Capacity"/> transactions are waited on at once.
/// </summary>
/// <remarks>
/// Several callers may wait on one transaction; they share one completion. A caller registers before it submits,
/// so a commit that follows the submission at once cannot be missed.
/// </remarks>
public sealed class CommitWaiters : ICommitObserver
{
    private readonly ConcurrentDictionary<Hash256, Entry> _waiting = new();
    private int _count;

    public CommitWaiters(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>Transactions waited on now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts waiting for <paramref name="transaction"/>; false when <see cref="Capacity"/> are waited on already.</summary>
    public bool TryRegister(Hash256 transaction, out Task<TransactionWaitResult> completion)
    {
        while (true)
        {
            if (_waiting.TryGetValue(transaction, out var existing))
            {
                if (Interlocked.Increment(ref existing.Waiters) > 1)
                {
                    completion = existing.Completion.Task;
                    return true;
                }

                // It was being removed; try again.
                continue;
            }

            if (Interlocked.Increment(ref _count) > Capacity)
            {
                Interlocked.Decrement(ref _count);
                completion = Task.FromResult<TransactionWaitResult>(null!);
                return false;
            }

            var entry = new Entry();
            if (_waiting.TryAdd(transaction, entry))
            {
                completion = entry.Completion.Task;
                return true;
            }

            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>A caller stops waiting (it timed out or went away).</summary>
    public void Release(Hash256 transaction)
    {
        if (_waiting.TryGetValue(transaction, out var entry) && Interlocked.Decrement(ref entry.Waiters) == 0
            && _waiting.TryRemove(new KeyValuePair<Hash256, Entry>(transaction, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    public void OnCommitted(BlockCommitted committed)
    {
        if (Volatile.Read(ref _count) == 0)
        {
            return;
        }

        var transactions = committed.Block.Transactions;
        var receipts = committed.Result.Receipts;
        for (var i = 0; i < transactions.Count; i++)
        {
            var receipt = receipts[i];
            if (receipt.Code is Ledger.Transactions.ErrorCodes.NonceTooLow or Ledger.Transactions.ErrorCodes.NonceTooHigh)
            {
                // Not indexed: the transaction did not run here and may still commit later.
                continue;
            }

            Complete(transactions[i].Hash, new TransactionWaitResult(committed.Block.Height, i, receipt, null));
        }

        foreach (var evicted in committed.Evicted)
        {
            Complete(evicted.TransactionHash, new TransactionWaitResult(0, -1, null, evicted.Reason));
        }
    }

    /// <summary>The node dropped <paramref name="transaction"/> outside a commit (the evaluation gate): it will not commit here.</summary>
    public void OnDropped(Hash256 transaction, Outcome reason) => Complete(transaction, new TransactionWaitResult(0, -1, null, reason));

    private void Complete(Hash256 transaction, TransactionWaitResult result)
    {
        if (_waiting.TryRemove(transaction, out var entry))
        {
            Interlocked.Decrement(ref _count);
            entry.Completion.TrySetResult(result);
        }
    }

    private sealed class Entry
    {
        public int Waiters = 1;

        public TaskCompletionSource<TransactionWaitResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
