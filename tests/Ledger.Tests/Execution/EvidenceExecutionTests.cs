using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Staking;
using DaiChain.Ledger.Tests.Chain;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Execution;

public sealed class EvidenceExecutionTests
{
    private static TestChain NewChain() => new(Build.A.Genesis
        .WithValidators(4, power: 100)
        .WithParameter(LedgerParameters.EvidenceMaxAgeBlocks, 5)
        .Build());

    private static DuplicateVoteEvidence Equivocation(TestChain chain, int validator, ulong height)
    {
        var set = chain.Store.GetValidatorSet(height)!;
        set.TryGetIndex(Keys.Validator(validator).Address, out var index);
        var random = new Random((int)height);
        return new DuplicateVoteEvidence(
            ChainSamples.Vote(set, index, VoteType.Prevote, height, 0, random.NextHash()),
            ChainSamples.Vote(set, index, VoteType.Prevote, height, 0, random.NextHash()));
    }

    [Fact]
    public void Equivocation_jails_and_slashes_from_height_plus_two()
    {
        var chain = NewChain();
        chain.AdvanceTo(2);
        var guilty = Keys.Validator(1).Address;
        var block = chain.CommitNext([], [Equivocation(chain, 1, 1)]);
        var record = StakingState.GetRecord(chain.Head.State, guilty)!;
        Assert.True(record.Jailed);
        Assert.Equal(95UL, record.Granted);
        Assert.NotNull(chain.Store.GetValidatorSet(block.Height + 1)!.Find(guilty));
        Assert.Null(chain.Store.GetValidatorSet(block.Height + 2)!.Find(guilty));
        chain.AdvanceTo(block.Height + 3);
    }

    [Fact]
    public void The_same_misbehaviour_is_punished_once_and_a_block_repeating_it_is_invalid()
    {
        var chain = NewChain();
        chain.AdvanceTo(2);
        var evidence = Equivocation(chain, 1, 2);
        chain.CommitNext([], [evidence]);
        var height = chain.Height;
        var root = chain.Head.StateRoot;

        var (repeat, _) = chain.Propose([], [evidence]);
        Assert.Empty(repeat.Evidence);
        var forced = ForceEvidence(chain, [evidence]);
        Assert.Equal("evidence_duplicate", chain.TryCommit(forced).Code);
        Assert.Equal(height, chain.Height);
        Assert.Equal(root, chain.Head.StateRoot);
    }

    [Fact]
    public void Evidence_too_old_or_from_the_future_makes_a_block_invalid()
    {
        var chain = NewChain();
        chain.AdvanceTo(8);
        Assert.Equal("evidence_too_old", chain.TryCommit(ForceEvidence(chain, [Equivocation(chain, 2, 1)])).Code);
        Assert.Equal(8UL, chain.Height);
    }

    [Fact]
    public void The_last_validator_with_power_is_slashed_but_not_jailed()
    {
        var chain = new TestChain(Build.A.Genesis.WithValidators(1, power: 100).Build());
        chain.AdvanceTo(2);
        chain.CommitNext([], [Equivocation(chain, 0, 1)]);
        var record = StakingState.GetRecord(chain.Head.State, Keys.Validator(0).Address)!;
        Assert.False(record.Jailed);
        Assert.Equal(95UL, record.Granted);
        chain.AdvanceTo(6);
    }

    /// <summary>A block that carries <paramref name="evidence"/> whatever its validity (a byzantine proposer).</summary>
    private static Block ForceEvidence(TestChain chain, IReadOnlyList<DuplicateVoteEvidence> evidence)
    {
        var (block, _) = chain.Propose([]);
        return new Block(block.Header with { EvidenceHash = Block.ComputeEvidenceHash(evidence) }, block.Transactions, block.LastCommit, evidence);
    }
}
