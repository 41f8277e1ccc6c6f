using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Mempool;

public sealed class TransactionPoolTests
{
    private static (TestChain Chain, TransactionPool Pool) NewPool(MempoolOptions? options = null)
    {
        var chain = new TestChain();
        return (chain, new TransactionPool(options ?? new MempoolOptions(), chain.Executor, chain.Head));
    }

    private static SignedTransaction Tx(int account, ulong nonce, ulong amount = 1) =>
        Build.A.Transaction.From(Keys.Account(account)).Nonce(nonce).Transfer(Keys.Account(9).Address, amount).Signed();

    [Fact]
    public void Accepts_a_valid_transaction_once()
    {
        var (_, pool) = NewPool();
        var tx = Tx(0, 0);
        Assert.True(pool.Add(tx).Accepted);
        var again = pool.Add(tx.Encoded);
        Assert.Equal(ErrorCodes.Duplicate, again.Outcome.Code);
        Assert.Equal(1, pool.Count);
        Assert.Equal(tx.Size, pool.Bytes);
    }

    [Theory]
    [InlineData(ErrorCodes.MalformedTransaction)]
    [InlineData(ErrorCodes.WrongChainId)]
    [InlineData(ErrorCodes.BadSignature)]
    [InlineData(ErrorCodes.UnknownKind)]
    [InlineData(ErrorCodes.MalformedPayload)]
    [InlineData(ErrorCodes.InsufficientBalance)]
    [InlineData(ErrorCodes.NonceTooLow)]
    [InlineData(ErrorCodes.NonceGapTooLarge)]
    [InlineData(ErrorCodes.NonceAlreadyPending)]
    [InlineData(ErrorCodes.TransactionTooLarge)]
    public void Rejects_with_a_stable_code_and_a_message(string code)
    {
        var (chain, pool) = NewPool(new MempoolOptions { MaxNonceGap = 4, MaxTransactionBytes = 2_000 });
        chain.CommitNext(Tx(0, 0));
        pool.Update(chain.Head, []);
        Assert.True(pool.Add(Tx(1, 0)).Accepted);
        var forged = Forge.WithUnrecoverableSignature(Tx(2, 0));
        var admission = code switch
        {
            ErrorCodes.MalformedTransaction => pool.Add(new byte[] { 1, 2, 3 }),
            ErrorCodes.WrongChainId => pool.Add(Build.A.Transfer.OnChain("elsewhere").Signed()),
            ErrorCodes.BadSignature => pool.Add(forged),
            ErrorCodes.UnknownKind => pool.Add(Build.A.Transaction.From(Keys.Account(2)).Raw(999, [1]).Signed()),
            ErrorCodes.MalformedPayload => pool.Add(Build.A.Transaction.From(Keys.Account(2)).Raw(TransactionKinds.Transfer, [9]).Signed()),
            ErrorCodes.InsufficientBalance => pool.Add(Tx(2, 0, amount: 5_000_000)),
            ErrorCodes.NonceTooLow => pool.Add(Tx(0, 0, amount: 2)),
            ErrorCodes.NonceGapTooLarge => pool.Add(Tx(2, 5)),
            ErrorCodes.NonceAlreadyPending => pool.Add(Tx(1, 0, amount: 2)),
            _ => pool.Add(Build.A.Transaction.From(Keys.Account(2)).Transfer(Keys.Account(9).Address, 1, new string('m', 200)).Raw(TransactionKinds.Transfer, new byte[3_000]).Signed()),
        };
        Assert.False(admission.Accepted);
        Assert.Equal(code, admission.Outcome.Code);
        Assert.False(string.IsNullOrWhiteSpace(admission.Outcome.Message));
        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Bounds_by_count_bytes_and_sender()
    {
        var (_, byCount) = NewPool(new MempoolOptions { MaxTransactions = 3 });
        Assert.All(Enumerable.Range(0, 3), i => Assert.True(byCount.Add(Tx(i, 0)).Accepted));
        Assert.Equal(ErrorCodes.MempoolFull, byCount.Add(Tx(3, 0)).Outcome.Code);

        var size = Tx(0, 0).Size;
        var (_, byBytes) = NewPool(new MempoolOptions { MaxBytes = (2 * size) + 10 });
        Assert.True(byBytes.Add(Tx(0, 0)).Accepted);
        Assert.True(byBytes.Add(Tx(1, 0)).Accepted);
        Assert.Equal(ErrorCodes.MempoolFull, byBytes.Add(Tx(2, 0)).Outcome.Code);
        Assert.True(byBytes.Bytes <= (2 * size) + 10);

        var (_, bySender) = NewPool(new MempoolOptions { MaxPerSender = 2 });
        Assert.True(bySender.Add(Tx(0, 0)).Accepted);
        Assert.True(bySender.Add(Tx(0, 1)).Accepted);
        Assert.Equal(ErrorCodes.SenderQueueFull, bySender.Add(Tx(0, 2)).Outcome.Code);
        Assert.True(bySender.Add(Tx(1, 0)).Accepted);
    }

    [Fact]
    public void Reaps_consecutive_nonces_per_sender_interleaved_by_arrival_and_skips_gaps()
    {
        var (_, pool) = NewPool();
        var order = new[] { Tx(0, 1), Tx(1, 0), Tx(0, 0), Tx(2, 2), Tx(1, 1), Tx(0, 2) };
        foreach (var tx in order)
        {
            Assert.True(pool.Add(tx).Accepted);
        }

        var reaped = pool.Reap(100, long.MaxValue);
        Assert.Equal(5, reaped.Count);
        Assert.DoesNotContain(reaped, t => t.Hash == Tx(2, 2).Hash);
        Assert.Equal([0UL, 1UL, 2UL], reaped.Where(t => Sender(t) == Keys.Account(0).Address).Select(t => t.Nonce));
        Assert.Equal(Tx(1, 0).Hash, reaped[0].Hash);
        Assert.Equal(2, pool.Reap(2, long.MaxValue).Count);
        Assert.Single(pool.Reap(100, Tx(0, 0).Size + 1));
    }

    [Fact]
    public void After_a_commit_included_and_invalidated_transactions_leave()
    {
        var (chain, pool) = NewPool();
        var a0 = Tx(0, 0);
        var a1 = Tx(0, 1, amount: 999_000);
        var b0 = Tx(1, 0);
        foreach (var tx in new[] { a0, a1, b0 })
        {
            Assert.True(pool.Add(tx).Accepted);
        }

        // Another node's block spends most of account 0's balance with a different nonce-0 transaction.
        var competing = Tx(0, 0, amount: 900_000);
        var block = chain.CommitNext(competing, b0);
        var evicted = pool.Update(chain.Head, block.Transactions);
        Assert.Equal(0, pool.Count);
        Assert.Contains(evicted, e => e.TransactionHash == a0.Hash && e.Reason.Code == ErrorCodes.NonceTooLow);
        Assert.Contains(evicted, e => e.TransactionHash == a1.Hash && e.Reason.Code == ErrorCodes.InsufficientBalance);
        Assert.DoesNotContain(evicted, e => e.TransactionHash == b0.Hash);
    }

    [Fact]
    public void Concurrent_submissions_respect_the_bounds()
    {
        var (_, pool) = NewPool(new MempoolOptions { MaxTransactions = 50, MaxPerSender = 20, MaxNonceGap = 100 });
        var txs = Enumerable.Range(0, 4).SelectMany(a => Enumerable.Range(0, 30).Select(n => Tx(a, (ulong)n))).ToArray();
        var accepted = 0;
        Parallel.ForEach(txs, new ParallelOptions { MaxDegreeOfParallelism = 4 }, tx =>
        {
            if (pool.Add(tx).Accepted)
            {
                Interlocked.Increment(ref accepted);
            }
        });
        Assert.Equal(50, accepted);
        Assert.Equal(50, pool.Count);
    }

    [Fact]
    public void A_transaction_checked_in_the_mempool_is_not_verified_again_in_the_block()
    {
        var (chain, pool) = NewPool();
        var transactions = Enumerable.Range(0, 4).Select(i => Tx(i, 0)).Concat(Enumerable.Range(0, 4).Select(i => Tx(i, 1))).ToArray();
        Assert.All(transactions, tx => Assert.True(pool.Add(tx).Accepted));
        Assert.Equal(transactions.Length, chain.Senders.Recoveries);

        // The proposer builds the block from the pool, a peer's check of it runs every envelope again and
        // the block commits: the signatures were verified once, at admission, and every later check hit the cache.
        var block = chain.CommitNext(pool.Reap(100, 1_000_000).ToArray());
        Assert.Equal(transactions.Length, block.Transactions.Count);
        Assert.Equal(transactions.Length, chain.Senders.Recoveries);
        Assert.True(chain.Senders.Hits >= 2 * transactions.Length, $"{chain.Senders.Hits} cache hits");

        // A validator that never saw them in its mempool verifies each signature once, then never again.
        var peer = new TestChain(chain.Genesis);
        Assert.True(peer.Executor.TryExecute(peer.Head, block, out _).IsSuccess);
        Assert.Equal(transactions.Length, peer.Senders.Recoveries);
        Assert.True(peer.Executor.TryExecute(peer.Head, block, out _).IsSuccess);
        Assert.Equal(transactions.Length, peer.Senders.Recoveries);
    }

    [Fact]
    public void A_bad_signature_is_not_cached_and_is_refused_every_time()
    {
        var (chain, pool) = NewPool();
        var forged = Forge.WithUnrecoverableSignature(Tx(0, 0));
        Assert.Equal(ErrorCodes.BadSignature, pool.Add(forged).Outcome.Code);
        Assert.Equal(ErrorCodes.BadSignature, pool.Add(forged).Outcome.Code);
        Assert.Equal(2, chain.Senders.Recoveries);
        Assert.Equal(0, chain.Senders.Count);
        Assert.Equal(0, pool.Count);
    }

    private static Ledger.Primitives.Address Sender(SignedTransaction tx)
    {
        Assert.True(tx.TryRecoverSender(out var sender));
        return sender;
    }
}
