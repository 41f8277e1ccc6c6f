using DaiChain.Ledger.Chain;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

/// <summary>Every way a block can be invalid: rejected with its code, and the committed chain unchanged.</summary>
public sealed class BlockValidationTests
{
    [Theory]
    [InlineData("block_wrong_chain")]
    [InlineData("block_wrong_height")]
    [InlineData("block_wrong_previous")]
    [InlineData("block_time_not_increasing")]
    [InlineData("block_wrong_validators")]
    [InlineData("block_wrong_next_validators")]
    [InlineData("block_proposer_not_validator")]
    [InlineData("block_bad_state_root")]
    [InlineData("block_bad_receipts_root")]
    public void A_header_that_lies_is_rejected_and_changes_nothing(string code)
    {
        var chain = new TestChain();
        chain.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Signed());
        var (block, _) = chain.Propose([Build.A.Transfer.From(Keys.Account(0)).Nonce(1).Signed()]);
        var h = block.Header;
        var random = new Random(code.Length);
        var header = code switch
        {
            "block_wrong_chain" => h with { ChainId = "another-chain" },
            "block_wrong_height" => h with { Height = h.Height + 1 },
            "block_wrong_previous" => h with { PreviousBlockHash = random.NextHash() },
            "block_time_not_increasing" => h with { TimeMs = chain.Head.LastHeader!.TimeMs },
            "block_wrong_validators" => h with { ValidatorsHash = random.NextHash() },
            "block_wrong_next_validators" => h with { NextValidatorsHash = random.NextHash() },
            "block_proposer_not_validator" => h with { ProposerAddress = Keys.Account(0).Address },
            "block_bad_state_root" => h with { StateRoot = random.NextHash() },
            _ => h with { ReceiptsRoot = random.NextHash() },
        };
        AssertRejected(chain, new Block(header, block.Transactions, block.LastCommit, block.Evidence), code);
    }

    [Fact]
    public void A_last_commit_without_enough_signatures_is_rejected()
    {
        var chain = new TestChain();
        var first = chain.CommitNext();
        var (block, _) = chain.Propose([]);
        var weak = chain.CommitFor(first, [0, 1]);
        AssertRejected(chain, new Block(block.Header with { LastCommitHash = weak.Hash }, block.Transactions, weak, []), "commit_insufficient_power");
    }

    [Fact]
    public void A_transaction_with_a_bad_signature_or_for_another_chain_invalidates_the_block()
    {
        var chain = new TestChain();
        var forged = Forge.WithUnrecoverableSignature(Build.A.Transfer.From(Keys.Account(0)).Signed());
        var otherChain = Build.A.Transfer.From(Keys.Account(1)).OnChain("another-chain").Signed();
        foreach (var (tx, code) in new[] { (forged, "block_invalid_transaction"), (otherChain, "block_invalid_transaction") })
        {
            var (block, _) = chain.Propose([]);
            var txs = new[] { tx };
            var header = block.Header with { TransactionsRoot = Block.ComputeTransactionsRoot(txs) };
            AssertRejected(chain, new Block(header, txs, block.LastCommit, []), code);
        }
    }

    [Fact]
    public void Blocks_over_the_consensus_limits_are_rejected()
    {
        var chain = new TestChain(Build.A.Genesis.WithConsensus(ConsensusParams.Default with { MaxBlockTransactions = 2 }).Build());
        var txs = Enumerable.Range(0, 3).Select(i => Build.A.Transfer.From(Keys.Account(0)).Nonce((ulong)i).Signed()).ToArray();
        var (proposed, _) = chain.Propose(txs);
        Assert.Equal(2, proposed.Transactions.Count);
        var header = proposed.Header with { TransactionsRoot = Block.ComputeTransactionsRoot(txs) };
        AssertRejected(chain, new Block(header, txs, null, []), "block_too_many_transactions");
    }

    [Fact]
    public void A_valid_block_executes_the_same_on_every_node()
    {
        var a = new TestChain();
        var b = new TestChain();
        var block = a.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Signed(), Build.A.Transfer.From(Keys.Account(1)).Signed());
        b.Commit(block);
        Assert.Equal(a.Head.StateRoot, b.Head.StateRoot);
        Assert.Equal(block.Header.StateRoot, b.Head.StateRoot.Hash);
    }

    private static void AssertRejected(TestChain chain, Block block, string code)
    {
        var height = chain.Height;
        var root = chain.Head.StateRoot;
        var outcome = chain.TryCommit(block);
        Assert.False(outcome.IsSuccess, $"expected {code}");
        Assert.Equal(code, outcome.Code);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Message));
        Assert.Equal(height, chain.Height);
        Assert.Equal(root, chain.Head.StateRoot);
    }
}
