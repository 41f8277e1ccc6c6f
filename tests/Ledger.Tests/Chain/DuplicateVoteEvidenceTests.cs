using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class DuplicateVoteEvidenceTests
{
    [Fact]
    public void Two_votes_for_different_blocks_are_evidence_with_one_encoding()
    {
        var set = ChainSamples.Validators(4);
        var random = new Random(1);
        var a = ChainSamples.Vote(set, 1, VoteType.Prevote, 7, 2, random.NextHash());
        var b = ChainSamples.Vote(set, 1, VoteType.Prevote, 7, 2, random.NextHash());
        var ab = new DuplicateVoteEvidence(a, b);
        var ba = new DuplicateVoteEvidence(b, a);
        Assert.Equal(ab.Hash, ba.Hash);
        Assert.True(ab.Verify(ChainSamples.ChainId, set).IsSuccess);
        var bytes = Canonical.Encode(ab);
        Assert.Equal(ab.Hash, Canonical.Decode<DuplicateVoteEvidence>(bytes).Hash);

        // The same bytes with the votes the other way round are not canonical.
        var voteLength = Canonical.Encode(ab.VoteA).Length;
        byte[] reversed = [1, .. bytes.AsSpan(1 + voteLength), .. bytes.AsSpan(1, voteLength)];
        Assert.Throws<CodecException>(() => Canonical.Decode<DuplicateVoteEvidence>(reversed));
    }

    [Fact]
    public void A_nil_vote_and_a_block_vote_conflict()
    {
        var set = ChainSamples.Validators(4);
        var evidence = new DuplicateVoteEvidence(
            ChainSamples.Vote(set, 0, VoteType.Precommit, 7, 0, new Random(2).NextHash()),
            ChainSamples.Vote(set, 0, VoteType.Precommit, 7, 0, null));
        Assert.Null(evidence.VoteA.BlockHash);
        Assert.True(evidence.Verify(ChainSamples.ChainId, set).IsSuccess);
    }

    [Fact]
    public void Votes_that_do_not_conflict_are_not_evidence()
    {
        var set = ChainSamples.Validators(4);
        var block = new Random(3).NextHash();
        var vote = ChainSamples.Vote(set, 0, VoteType.Prevote, 7, 0, block);
        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 0, VoteType.Prevote, 7, 0, block, time: 2000)));
        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 1, VoteType.Prevote, 7, 0, null)));
        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 0, VoteType.Prevote, 7, 1, null)));
        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 0, VoteType.Precommit, 7, 0, null)));
        Assert.Throws<ArgumentException>(() => new DuplicateVoteEvidence(vote, ChainSamples.Vote(set, 0, VoteType.Prevote, 8, 0, null)));
    }

    [Fact]
    public void Evidence_signed_by_someone_else_or_for_another_set_fails()
    {
        var set = ChainSamples.Validators(4);
        var random = new Random(4);
        var evidence = new DuplicateVoteEvidence(
            ChainSamples.Vote(set, 2, VoteType.Prevote, 7, 0, random.NextHash()),
            ChainSamples.Vote(set, 2, VoteType.Prevote, 7, 0, random.NextHash()));
        Assert.Equal("evidence_bad_signature", evidence.Verify("another-chain", set).Code);
        var without = ValidatorSet.Create(set.Validators.Where(v => v.Address != evidence.ValidatorAddress));
        Assert.Equal("evidence_unknown_validator", evidence.Verify(ChainSamples.ChainId, without).Code);
    }
}
