using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Signing;

public class GuardedSignerTests
{
    private const string ChainId = "daichain-test";
    private static readonly Hash256 V = Hash256.Compute([1]);
    private static readonly Hash256 W = Hash256.Compute([2]);

    private static GuardedSigner Guard(ISignerStateStore store) => new(Keys.Validator(0).Signer(), store, ChainId);

    [Fact]
    public void Signs_votes_and_proposals_that_verify()
    {
        var guard = Guard(new MemorySignerStateStore());
        var proposal = guard.SignProposal(5, 0, -1, V, 2);
        var vote = guard.SignVote(VoteType.Prevote, 5, 0, V, 1000, 2);
        Assert.True(Secp256k1.Shared.TryRecover(proposal.Digest(ChainId), proposal.Signature, out var proposer) && proposer.Address == guard.Address);
        Assert.True(vote.HasValidSignature(ChainId));
        Assert.Equal((5ul, 0u, SignStep.Prevote), (guard.LastSigned!.Height, guard.LastSigned.Round, guard.LastSigned.Step));
        Assert.Equal(vote.Digest(ChainId), guard.LastSigned.SignBytesDigest);
    }

    [Fact]
    public void Repeating_the_last_request_returns_the_same_signature_and_timestamp()
    {
        var guard = Guard(new MemorySignerStateStore());
        var first = guard.SignVote(VoteType.Precommit, 5, 2, V, 1000, 2);
        var again = guard.SignVote(VoteType.Precommit, 5, 2, V, 9999, 2);
        Assert.Equal(first.Signature, again.Signature);
        Assert.Equal(1000, again.TimestampMs);
        Assert.True(again.HasValidSignature(ChainId));
    }

    [Fact]
    public void Refuses_a_different_value_at_the_same_position()
    {
        var guard = Guard(new MemorySignerStateStore());
        guard.SignVote(VoteType.Prevote, 5, 2, V, 1000, 2);
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Prevote, 5, 2, W, 1000, 2));
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Prevote, 5, 2, null, 1000, 2));
    }

    [Fact]
    public void Refuses_to_go_back_in_height_round_or_step()
    {
        var guard = Guard(new MemorySignerStateStore());
        guard.SignVote(VoteType.Precommit, 5, 2, null, 1000, 2);
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Prevote, 5, 2, null, 1000, 2));
        Assert.Throws<SignRefusedException>(() => guard.SignProposal(5, 2, -1, V, 2));
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Precommit, 5, 1, null, 1000, 2));
        Assert.Throws<SignRefusedException>(() => guard.SignVote(VoteType.Precommit, 4, 9, null, 1000, 2));
        guard.SignProposal(5, 3, 2, V, 2);
        guard.SignVote(VoteType.Prevote, 6, 0, V, 1000, 2);
    }

    [Fact]
    public void Refuses_a_proposal_with_another_valid_round_at_the_same_position()
    {
        var guard = Guard(new MemorySignerStateStore());
        guard.SignProposal(5, 3, 1, V, 2);
        Assert.Throws<SignRefusedException>(() => guard.SignProposal(5, 3, -1, V, 2));
        Assert.Equal(guard.SignProposal(5, 3, 1, V, 2).Signature, guard.LastSigned!.Signature);
    }

    [Fact]
    public void State_survives_a_restart_and_still_refuses_conflicts()
    {
        var store = new MemorySignerStateStore();
        var first = Guard(store).SignVote(VoteType.Prevote, 5, 2, V, 1000, 2);

        var restarted = Guard(store);
        Assert.Throws<SignRefusedException>(() => restarted.SignVote(VoteType.Prevote, 5, 2, W, 1000, 2));
        Assert.Equal(first.Signature, restarted.SignVote(VoteType.Prevote, 5, 2, V, 5000, 2).Signature);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_crash_while_saving_never_releases_a_signature_the_state_does_not_cover(bool afterPersist)
    {
        var store = new MemorySignerStateStore();
        Guard(store).SignVote(VoteType.Prevote, 5, 2, V, 1000, 2);
        store.CrashOnSave = (2, afterPersist);
        Assert.Throws<SimulatedCrashException>(() => Guard(store).SignVote(VoteType.Precommit, 5, 2, V, 1000, 2));
        store.CrashOnSave = null;

        var restarted = Guard(store);
        if (afterPersist)
        {
            // The precommit position is taken although its signature never left: only that exact precommit may follow.
            Assert.Throws<SignRefusedException>(() => restarted.SignVote(VoteType.Precommit, 5, 2, null, 1000, 2));
            Assert.True(restarted.SignVote(VoteType.Precommit, 5, 2, V, 1000, 2).HasValidSignature(ChainId));
        }
        else
        {
            Assert.Equal(SignStep.Prevote, restarted.LastSigned!.Step);
            Assert.True(restarted.SignVote(VoteType.Precommit, 5, 2, null, 1000, 2).HasValidSignature(ChainId));
        }
    }
}
