using DaiChain.Consensus.Evidence;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Evidence;

public class EvidencePoolTests
{
    private const string ChainId = "daichain-test";

    private static DuplicateVoteEvidence Equivocation(int key, ulong height, uint round, VoteType type = VoteType.Prevote, byte other = 2)
    {
        var a = Vote.Sign(Keys.Validator(key).Signer(), ChainId, type, height, round, Hash256.Compute([1]), 10, key);
        var b = Vote.Sign(Keys.Validator(key).Signer(), ChainId, type, height, round, Hash256.Compute([other]), 10, key);
        return new DuplicateVoteEvidence(a, b);
    }

    [Fact]
    public void Keeps_one_item_per_validator_and_height_in_arrival_order()
    {
        var pool = new EvidencePool();
        Assert.True(pool.Add(Equivocation(0, 5, 0)));
        Assert.False(pool.Add(Equivocation(0, 5, 0)));
        Assert.False(pool.Add(Equivocation(0, 5, 0, other: 3)));
        Assert.False(pool.Add(Equivocation(0, 5, 1, VoteType.Precommit)));
        Assert.True(pool.Add(Equivocation(0, 6, 0)));
        Assert.True(pool.Add(Equivocation(1, 4, 2)));
        Assert.Equal([5ul, 6ul, 4ul], pool.Pending(10).Select(e => e.Height));
        Assert.Equal(2, pool.Pending(2).Count);
    }

    [Fact]
    public void Committed_evidence_leaves_and_cannot_come_back()
    {
        var pool = new EvidencePool();
        var first = Equivocation(0, 5, 0);
        pool.Add(first);
        pool.Add(Equivocation(1, 5, 0));
        pool.OnCommitted(6, [Equivocation(0, 5, 1, VoteType.Precommit)]);
        Assert.Single(pool.All);
        Assert.False(pool.Add(first));
    }

    [Fact]
    public void Old_evidence_expires_and_the_pool_is_bounded()
    {
        var pool = new EvidencePool(capacity: 2, maxAgeHeights: 10);
        pool.Add(Equivocation(0, 1, 0));
        pool.Add(Equivocation(1, 1, 0));
        Assert.False(pool.Add(Equivocation(2, 1, 0)));
        Assert.Equal(1, pool.Overflowed);
        pool.OnCommitted(12, []);
        Assert.Empty(pool.All);
        Assert.True(pool.Add(Equivocation(2, 11, 0)));
    }
}
