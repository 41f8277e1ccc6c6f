using DaiChain.Ledger;
using DaiChain.Node.Api;
using DaiChain.Node.Chain;
using DaiChain.Node.Tests.Chain;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Api;

public sealed class CommitWaitersTests
{
    [Fact]
    public async Task A_waiter_completes_when_a_block_commits_its_transaction()
    {
        var genesis = Build.A.Genesis.Build();
        var chain = NodeChains.Create(genesis);
        var waiters = new CommitWaiters(10);
        chain.AddObserver(waiters);
        var transfer = Build.A.Transfer.From(TestKit.Keys.Account(2)).Nonce(0).Signed();
        Assert.True(waiters.TryRegister(transfer.Hash, out var first));
        Assert.True(waiters.TryRegister(transfer.Hash, out var second));
        Assert.Equal(1, waiters.Count);
        chain.Mempool.Add(transfer);

        var block = chain.BuildProposal(genesis.GenesisTimeMs + 1_000, chain.Head.GetValidatorSet(1)![0].Address, []);
        chain.Commit(block, NodeChains.Certify(chain, block), CommitSource.Consensus);

        var result = await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Same(result, await second);
        Assert.True(result.Committed);
        Assert.Equal(1UL, result.Height);
        Assert.Equal(0, result.Index);
        Assert.True(result.Receipt!.Success);
        Assert.Equal(0, waiters.Count);
    }

    [Fact]
    public async Task A_waiter_learns_at_once_that_its_transaction_was_dropped_outside_a_commit()
    {
        var waiters = new CommitWaiters(10);
        var transaction = Build.A.Transfer.Nonce(0).Signed().Hash;
        var other = Build.A.Transfer.Nonce(1).Signed().Hash;
        Assert.True(waiters.TryRegister(transaction, out var completion));

        waiters.OnDropped(other, Outcome.Fail("invalid_model", "not this one"));
        Assert.False(completion.IsCompleted);
        waiters.OnDropped(transaction, Outcome.Fail("invalid_model", "the model cannot be evaluated"));

        var result = await completion.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result.Committed);
        Assert.Equal("invalid_model", result.Dropped!.Value.Code);
        Assert.Equal(0, waiters.Count);
    }

    [Fact]
    public void Waiters_are_bounded_and_released()
    {
        var waiters = new CommitWaiters(1);
        var a = Build.A.Transfer.Nonce(0).Signed().Hash;
        var b = Build.A.Transfer.Nonce(1).Signed().Hash;

        Assert.True(waiters.TryRegister(a, out _));
        Assert.False(waiters.TryRegister(b, out _));
        waiters.Release(a);
        Assert.Equal(0, waiters.Count);
        Assert.True(waiters.TryRegister(b, out _));
    }
}
