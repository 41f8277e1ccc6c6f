using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class VoteTests
{
    [Fact]
    public void Sign_bytes_are_exactly_as_specified()
    {
        var block = new Random(1).NextHash();
        var body = VoteSignBytes.Encode(VoteType.Precommit, 0x0102, 3, block, 0x10);
        byte[] expected = [1, 2, 0, 0, 0, 0, 0, 0, 1, 2, 0, 0, 0, 3, 1, .. block.ToArray(), 0, 0, 0, 0, 0, 0, 0, 0x10];
        Assert.Equal(expected, body);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], VoteSignBytes.Encode(VoteType.Prevote, 9, 0, null, 0));
        Assert.Equal(SignBytes.Digest(SigningDomain.Vote, "c", body), VoteSignBytes.Digest("c", VoteType.Precommit, 0x0102, 3, block, 0x10));
    }

    [Fact]
    public void A_signed_vote_verifies_only_for_its_chain_and_validator()
    {
        var set = ChainSamples.Validators(4);
        var vote = ChainSamples.Vote(set, 2, VoteType.Prevote, 10, 1, new Random(2).NextHash());
        Assert.True(vote.Verify(ChainSamples.ChainId, set).IsSuccess);
        Assert.Equal("vote_bad_signature", vote.Verify("other-chain", set).Code);

        var wrongIndex = new Vote(vote.Type, vote.Height, vote.Round, vote.BlockHash, vote.TimestampMs, vote.ValidatorAddress, 1, vote.Signature);
        Assert.Equal("vote_unknown_validator", wrongIndex.Verify(ChainSamples.ChainId, set).Code);

        var otherBlock = new Vote(vote.Type, vote.Height, vote.Round, new Random(3).NextHash(), vote.TimestampMs, vote.ValidatorAddress, vote.ValidatorIndex, vote.Signature);
        Assert.Equal("vote_bad_signature", otherBlock.Verify(ChainSamples.ChainId, set).Code);
    }

    [Fact]
    public void A_vote_signature_is_not_a_transaction_signature()
    {
        var set = ChainSamples.Validators(1);
        var vote = ChainSamples.Vote(set, 0, VoteType.Precommit, 1, 0, null);
        var body = VoteSignBytes.Encode(vote.Type, vote.Height, vote.Round, vote.BlockHash, vote.TimestampMs);
        var asTransaction = SignBytes.Digest(SigningDomain.Transaction, ChainSamples.ChainId, body);
        Assert.False(Secp256k1.Shared.TryRecover(asTransaction, vote.Signature, out var key) && key.Address == vote.ValidatorAddress);
    }

    [Fact]
    public void Round_trips_nil_and_block_votes_and_rejects_bad_bytes()
    {
        var set = ChainSamples.Validators(3);
        foreach (var vote in new[] { ChainSamples.Vote(set, 0, VoteType.Prevote, 3, 0, null), ChainSamples.Vote(set, 1, VoteType.Precommit, 3, 7, new Random(4).NextHash()) })
        {
            var bytes = Canonical.Encode(vote);
            var decoded = Canonical.Decode<Vote>(bytes);
            Assert.Equal(bytes, Canonical.Encode(decoded));
            Assert.True(decoded.Verify(ChainSamples.ChainId, set).IsSuccess);

            var badType = (byte[])bytes.Clone();
            badType[1] = 3;
            Assert.Throws<CodecException>(() => Canonical.Decode<Vote>(badType));
            var badFlag = (byte[])bytes.Clone();
            badFlag[14] = 2;
            Assert.Throws<CodecException>(() => Canonical.Decode<Vote>(badFlag));
            Assert.Throws<CodecException>(() => Canonical.Decode<Vote>([.. bytes, 1]));
        }
    }
}
