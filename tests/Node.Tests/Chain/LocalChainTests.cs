using DaiChain.Node.Chain;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.Chain;

public sealed class LocalChainTests
{
    [Fact]
    public void Synced_blocks_with_valid_certificates_commit_and_their_certificates_are_served()
    {
        var source = new TestChain();
        var blocks = Enumerable.Range(0, 3).Select(_ => source.CommitNext()).ToList();
        var chain = NodeChains.Create(source.Genesis);
        var certificates = new List<Ledger.Chain.CommitCertificate>();

        foreach (var block in blocks)
        {
            var certificate = source.CommitFor(block);
            certificates.Add(certificate);
            Assert.True(chain.ApplySynced(block, certificate).IsSuccess);
        }

        Assert.Equal(3UL, chain.Height);
        Assert.Equal(blocks[2].Hash, chain.Head.LastHeader!.Hash());
        Assert.Equal(certificates[2].Hash, chain.GetCertificate(3)!.Hash);
        Assert.Equal(blocks[2].LastCommit!.Hash, chain.GetCertificate(2)!.Hash);
        Assert.Null(chain.GetCertificate(4));
    }

    [Fact]
    public void A_certificate_without_two_thirds_of_the_power_is_refused()
    {
        var source = new TestChain();
        var block = source.CommitNext();
        var chain = NodeChains.Create(source.Genesis);

        var outcome = chain.ApplySynced(block, source.CommitFor(block, [0, 1]));

        Assert.Equal("commit_insufficient_power", outcome.Code);
        Assert.Equal(0UL, chain.Height);
    }

    [Fact]
    public void A_certificate_for_another_block_or_height_is_refused()
    {
        var source = new TestChain();
        var first = source.CommitNext();
        var second = source.CommitNext();
        var chain = NodeChains.Create(source.Genesis);

        Assert.Equal("sync_certificate_mismatch", chain.ApplySynced(first, source.CommitFor(second)).Code);
        Assert.Equal("sync_wrong_height", chain.ApplySynced(second, source.CommitFor(second)).Code);
        Assert.True(chain.ApplySynced(first, source.CommitFor(first)).IsSuccess);
    }

    [Fact]
    public void A_proposal_reaps_the_mempool_and_its_commit_empties_it_and_tells_the_observers()
    {
        var genesis = Build.A.Genesis.Build();
        var chain = NodeChains.Create(genesis);
        var observer = new RecordingObserver();
        chain.AddObserver(observer);
        var transfer = Build.A.Transfer.From(TestKit.Keys.Account(0)).Nonce(0).Signed();
        Assert.True(chain.Mempool.Add(transfer).Accepted);

        var block = chain.BuildProposal(genesis.GenesisTimeMs + 1_000, chain.Head.GetValidatorSet(1)![0].Address, []);
        Assert.Equal([transfer.Hash], block.Transactions.Select(t => t.Hash));
        Assert.True(chain.Validate(block).IsSuccess);
        var committed = chain.Commit(block, NodeChains.Certify(chain, block), CommitSource.Consensus);

        Assert.Equal(1UL, chain.Height);
        Assert.Equal(0, chain.Mempool.Count);
        Assert.Same(committed, Assert.Single(observer.Seen));
        Assert.True(committed.Result.Receipts[0].Success);
        Assert.Equal(CommitSource.Consensus, committed.Source);
    }

    private sealed class RecordingObserver : ICommitObserver
    {
        public List<BlockCommitted> Seen { get; } = [];

        public void OnCommitted(BlockCommitted committed) => Seen.Add(committed);
    }
}
