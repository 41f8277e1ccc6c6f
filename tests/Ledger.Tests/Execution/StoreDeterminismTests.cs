using DaiChain.Ledger.Storage;
using DaiChain.ProcessHarness;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

/// <summary>The same blocks give the same state root on every store: memory and RocksDB, proposed or received.</summary>
public sealed class StoreDeterminismTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void The_same_blocks_give_the_same_roots_on_MemoryStore_and_RocksDB()
    {
        var memory = new TestChain();
        using var rocksStore = RocksDbStore.Open(LedgerCommitter.Options(_directory.Combine("rocks")));
        var rocks = new TestChain(store: rocksStore);
        for (var i = 0; i < 6; i++)
        {
            var block = memory.CommitNext(LedgerCommitter.Transactions(memory.Head, 25 + i));
            rocks.Commit(block);
            Assert.Equal(memory.Head.StateRoot, rocks.Head.StateRoot);
            Assert.Equal(block.Header.StateRoot, rocks.Head.StateRoot.Hash);
        }

        // Blocks proposed on RocksDB are accepted by the memory node too.
        var proposed = rocks.CommitNext(LedgerCommitter.Transactions(rocks.Head, 10));
        memory.Commit(proposed);
        Assert.Equal(rocks.Head.StateRoot, memory.Head.StateRoot);
    }

    [Fact]
    public void Execution_does_not_depend_on_the_number_of_cores()
    {
        var one = new TestChain();
        var many = new TestChain();
        var oneCore = new Ledger.Execution.BlockExecutor(one.Rules, new Ledger.Execution.SenderCache(), maxParallelism: 1);
        var (block, _) = many.Propose(LedgerCommitter.Transactions(many.Head, 300));
        Assert.True(oneCore.TryExecute(one.Head, block, out var result).IsSuccess);
        Assert.Equal(block.Header.StateRoot, result!.StateRoot);
    }
}
