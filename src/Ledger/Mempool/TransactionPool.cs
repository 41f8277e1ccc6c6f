using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Mempool;

/// <summary>
/// Pending transactions waiting for a block. Thread-safe: RPC and P2P submit concurrently while consensus reaps.
/// </summary>
/// <remarks>
/// <para>Admission, in order: size; decoding; envelope (chain id, kind, payload, signature — recovered outside the
/// lock and cached by hash, so block execution does not verify it again); duplicate; then, against the last
/// committed state: nonce not used, not more than <see cref="MempoolOptions.MaxNonceGap"/> ahead, not already
/// pending for that sender, and the handler's own checks (role, balance) run on a throwaway overlay. Future-nonce
/// transactions are checked against the committed state, not against the effects of the sender's earlier
/// pending transactions. Finally the bounds: count, bytes, per sender.</para>
/// <para><see cref="Reap"/> returns, for each sender, its transactions with consecutive nonces from the committed
/// one, interleaved across senders by arrival. <see cref="Update(IChainView, IEnumerable{SignedTransaction})"/> after each commit removes what the block
/// included and re-checks everything left, evicting what no longer passes.</para>
/// </remarks>
public sealed class TransactionPool
{
    private readonly MempoolOptions _options;
    private readonly BlockExecutor _executor;
    private readonly Lock _gate = new();
    private readonly Dictionary<Hash256, Entry> _byHash = [];
    private readonly Dictionary<Address, SortedList<ulong, Entry>> _bySender = [];
    private IChainView _chain;
    private long _bytes;
    private long _sequence;

    public TransactionPool(MempoolOptions options, BlockExecutor executor, IChainView chain)
    {
        _options = options;
        _executor = executor;
        _chain = chain;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _byHash.Count;
            }
        }
    }

    public long Bytes
    {
        get
        {
            lock (_gate)
            {
                return _bytes;
            }
        }
    }

    public bool Contains(Hash256 transactionHash)
    {
        lock (_gate)
        {
            return _byHash.ContainsKey(transactionHash);
        }
    }

    /// <summary>Submits encoded transaction bytes.</summary>
    public MempoolAdmission Add(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length > _options.MaxTransactionBytes)
        {
            return new(Hash256.Compute(encoded), Outcome.Fail(ErrorCodes.TransactionTooLarge, $"the transaction is {encoded.Length} bytes; this node accepts at most {_options.MaxTransactionBytes}"));
        }

        SignedTransaction transaction;
        try
        {
            transaction = SignedTransaction.FromBytes(encoded);
        }
        catch (CodecException e)
        {
            return new(Hash256.Compute(encoded), Outcome.Fail(ErrorCodes.MalformedTransaction, $"the bytes are not a signed transaction: {e.Message}"));
        }

        return Add(transaction);
    }

    public MempoolAdmission Add(SignedTransaction transaction)
    {
        var hash = transaction.Hash;
        if (transaction.Size > _options.MaxTransactionBytes)
        {
            return new(hash, Outcome.Fail(ErrorCodes.TransactionTooLarge, $"the transaction is {transaction.Size} bytes; this node accepts at most {_options.MaxTransactionBytes}"));
        }

        if (Contains(hash))
        {
            return new(hash, Outcome.Fail(ErrorCodes.Duplicate, $"transaction {hash} is already pending"));
        }

        var envelope = _executor.CheckEnvelope(_chain.ChainId, transaction, out var sender);
        if (!envelope.IsSuccess)
        {
            return new(hash, envelope);
        }

        lock (_gate)
        {
            var outcome = Admit(transaction, sender);
            return new(hash, outcome);
        }
    }

    /// <summary>
    /// Up to <paramref name="maxTransactions"/> transactions and <paramref name="maxBytes"/> bytes that can run in
    /// the next block: per sender, consecutive nonces from its committed nonce; across senders, by arrival.
    /// </summary>
    public IReadOnlyList<SignedTransaction> Reap(int maxTransactions, long maxBytes)
    {
        lock (_gate)
        {
            var heads = new PriorityQueue<(Address Sender, int Index, ulong Expected), long>();
            foreach (var (sender, queue) in _bySender)
            {
                var expected = AccountState.Get(_chain.State, sender).Nonce;
                var index = queue.IndexOfKey(expected);
                if (index >= 0)
                {
                    heads.Enqueue((sender, index, expected), queue.Values[index].Sequence);
                }
            }

            var result = new List<SignedTransaction>();
            var bytes = 0L;
            while (result.Count < maxTransactions && heads.TryDequeue(out var head, out _))
            {
                var queue = _bySender[head.Sender];
                var entry = queue.Values[head.Index];
                if (bytes + entry.Transaction.Size > maxBytes)
                {
                    continue;
                }

                result.Add(entry.Transaction);
                bytes += entry.Transaction.Size;
                var nextIndex = head.Index + 1;
                if (nextIndex < queue.Count && queue.Keys[nextIndex] == head.Expected + 1)
                {
                    heads.Enqueue((head.Sender, nextIndex, head.Expected + 1), queue.Values[nextIndex].Sequence);
                }
            }

            return result;
        }
    }

    /// <summary>
    /// After a commit: takes the new committed chain, removes the block's transactions and re-checks the rest
    /// against the new state. Returns what was evicted (committed transactions are not listed).
    /// </summary>
    public IReadOnlyList<MempoolEviction> Update(IChainView chain, IEnumerable<SignedTransaction> committed) =>
        Update(chain, committed, null);

    /// <summary>
    /// As <see cref="Update(IChainView, IEnumerable{SignedTransaction})"/>, but re-checks only the pending
    /// transactions of <paramref name="recheckSenders"/> (all when null). The caller passes the accounts the block
    /// can have made worse off — for a block of plain transfers, its senders (their nonces advanced and balances
    /// fell; recipients only gained) — so that the cost of a commit follows the block, not the whole pool.
    /// </summary>
    public IReadOnlyList<MempoolEviction> Update(IChainView chain, IEnumerable<SignedTransaction> committed, IReadOnlySet<Address>? recheckSenders)
    {
        lock (_gate)
        {
            _chain = chain;
            foreach (var transaction in committed)
            {
                if (_byHash.TryGetValue(transaction.Hash, out var entry))
                {
                    Remove(entry);
                }
            }

            var evicted = new List<MempoolEviction>();
            var recheck = recheckSenders is null
                ? _byHash.Values.OrderBy(e => e.Sequence).ToList()
                : recheckSenders.Where(_bySender.ContainsKey).SelectMany(s => _bySender[s].Values).OrderBy(e => e.Sequence).ToList();
            foreach (var entry in recheck)
            {
                var nonce = AccountState.Get(chain.State, entry.Sender).Nonce;
                var outcome = entry.Transaction.Nonce - nonce > _options.MaxNonceGap && entry.Transaction.Nonce > nonce
                    ? Outcome.Fail(ErrorCodes.NonceGapTooLarge, $"nonce {entry.Transaction.Nonce} is more than {_options.MaxNonceGap} ahead of {entry.Sender}'s next nonce {nonce}")
                    : _executor.CheckAgainstState(chain, entry.Transaction, entry.Sender);
                if (!outcome.IsSuccess)
                {
                    Remove(entry);
                    evicted.Add(new MempoolEviction(entry.Transaction.Hash, entry.Sender, outcome));
                }
            }

            return evicted;
        }
    }

    private Outcome Admit(SignedTransaction transaction, Address sender)
    {
        if (_byHash.ContainsKey(transaction.Hash))
        {
            return Outcome.Fail(ErrorCodes.Duplicate, $"transaction {transaction.Hash} is already pending");
        }

        var next = AccountState.Get(_chain.State, sender).Nonce;
        if (transaction.Nonce > next && transaction.Nonce - next > _options.MaxNonceGap)
        {
            return Outcome.Fail(ErrorCodes.NonceGapTooLarge, $"nonce {transaction.Nonce} is more than {_options.MaxNonceGap} ahead of {sender}'s next nonce {next}; submit the missing nonces first");
        }

        _bySender.TryGetValue(sender, out var queue);
        if (queue is not null && queue.ContainsKey(transaction.Nonce))
        {
            return Outcome.Fail(ErrorCodes.NonceAlreadyPending, $"{sender} already has a pending transaction with nonce {transaction.Nonce}; wait for it to commit or use the next nonce");
        }

        var stateful = _executor.CheckAgainstState(_chain, transaction, sender);
        if (!stateful.IsSuccess)
        {
            return stateful;
        }

        if (queue is not null && queue.Count >= _options.MaxPerSender)
        {
            return Outcome.Fail(ErrorCodes.SenderQueueFull, $"{sender} has {queue.Count} pending transactions, the most this node holds per sender; wait for some to commit");
        }

        if (_byHash.Count >= _options.MaxTransactions || _bytes + transaction.Size > _options.MaxBytes)
        {
            return Outcome.Fail(ErrorCodes.MempoolFull, $"the mempool is full ({_byHash.Count} transactions, {_bytes} bytes); retry after the next block");
        }

        var entry = new Entry(transaction, sender, _sequence++);
        _byHash.Add(transaction.Hash, entry);
        if (queue is null)
        {
            queue = [];
            _bySender.Add(sender, queue);
        }

        queue.Add(transaction.Nonce, entry);
        _bytes += transaction.Size;
        return Outcome.Success;
    }

    private void Remove(Entry entry)
    {
        _byHash.Remove(entry.Transaction.Hash);
        var queue = _bySender[entry.Sender];
        queue.Remove(entry.Transaction.Nonce);
        if (queue.Count == 0)
        {
            _bySender.Remove(entry.Sender);
        }

        _bytes -= entry.Transaction.Size;
    }

    private sealed record Entry(SignedTransaction Transaction, Address Sender, long Sequence);
}
