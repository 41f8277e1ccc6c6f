using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Mempool;

/// <summary><see cref="TransactionPool.Remove"/>: the evaluation gate drops a version whose model cannot be evaluated.</summary>
public sealed class TransactionPoolRemoveTests
{
    private static SignedTransaction Tx(int account, ulong nonce) =>
        Build.A.Transaction.From(Keys.Account(account)).Nonce(nonce).Transfer(Keys.Account(9).Address, 1).Signed();

    [Fact]
    public void A_removed_transaction_leaves_the_pool_and_its_sender_later_nonces_wait()
    {
        var chain = new TestChain();
        var pool = new TransactionPool(new MempoolOptions(), chain.Executor, chain.Head);
        var first = Tx(0, 0);
        var second = Tx(0, 1);
        var other = Tx(1, 0);
        Assert.True(pool.Add(first).Accepted && pool.Add(second).Accepted && pool.Add(other).Accepted);

        Assert.True(pool.Remove(first.Hash));
        Assert.False(pool.Contains(first.Hash));
        Assert.Equal(2, pool.Count);
        Assert.Equal(second.Size + other.Size, pool.Bytes);
        Assert.Equal([other.Hash], pool.Reap(10, long.MaxValue).Select(t => t.Hash));

        Assert.False(pool.Remove(first.Hash));
        Assert.False(pool.Remove(Hash256.Compute("unknown"u8)));
        Assert.True(pool.Add(first).Accepted);
        Assert.Equal(3, pool.Reap(10, long.MaxValue).Count);
    }
}
