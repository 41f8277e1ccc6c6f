using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class CommitCertificateTests
{
    [Fact]
    public void Verifies_with_the_validator_set_alone_when_signers_hold_more_than_two_thirds()
    {
        var set = ChainSamples.Validators(4, 10); // powers 10, 11, 12, 13: total 46, quorum 31
        var block = new Random(1).NextHash();
        Assert.True(ChainSamples.Commit(set, 9, block, [0, 1, 2, 3]).Verify(ChainSamples.ChainId, set).IsSuccess);
        Assert.True(ChainSamples.Commit(set, 9, block, [1, 2, 3]).Verify(ChainSamples.ChainId, set).IsSuccess);
        Assert.Equal("commit_insufficient_power", ChainSamples.Commit(set, 9, block, [0, 1]).Verify(ChainSamples.ChainId, set).Code);
    }

    [Fact]
    public void Fails_for_another_chain_block_height_or_set()
    {
        var set = ChainSamples.Validators(4);
        var block = new Random(2).NextHash();
        var commit = ChainSamples.Commit(set, 9, block, [0, 1, 2, 3]);
        Assert.Equal("commit_bad_signature", commit.Verify("another-chain", set).Code);

        var forged = new CommitCertificate(10, 0, block, commit.Signatures);
        Assert.Equal("commit_bad_signature", forged.Verify(ChainSamples.ChainId, set).Code);
        var otherBlock = new CommitCertificate(9, 0, new Random(3).NextHash(), commit.Signatures);
        Assert.Equal("commit_bad_signature", otherBlock.Verify(ChainSamples.ChainId, set).Code);

        var biggerSet = ChainSamples.Validators(8);
        Assert.False(commit.Verify(ChainSamples.ChainId, biggerSet).IsSuccess);
        var smallSet = ChainSamples.Validators(2);
        Assert.Equal("commit_unknown_validator", commit.Verify(ChainSamples.ChainId, smallSet).Code);
    }

    [Fact]
    public void Verifies_in_parallel_for_large_sets_and_finds_one_bad_signature()
    {
        var set = ChainSamples.Validators(20);
        var block = new Random(4).NextHash();
        var commit = ChainSamples.Commit(set, 3, block, Enumerable.Range(0, 20));
        Assert.True(commit.Verify(ChainSamples.ChainId, set).IsSuccess);

        var signatures = commit.Signatures.ToList();
        signatures[13] = signatures[13] with { TimestampMs = signatures[13].TimestampMs + 1 };
        var tampered = new CommitCertificate(3, 0, block, signatures);
        Assert.Equal("commit_bad_signature", tampered.Verify(ChainSamples.ChainId, set).Code);
    }

    [Fact]
    public void Median_time_is_power_weighted()
    {
        var set = ValidatorSet.Create([
            new Validator(Keys.Validator(0).PublicKey, 1),
            new Validator(Keys.Validator(1).PublicKey, 1),
            new Validator(Keys.Validator(2).PublicKey, 10),
        ]);
        var block = new Random(5).NextHash();
        var heavy = set.Validators.ToList().FindIndex(v => v.Power == 10);
        var votes = Enumerable.Range(0, 3).Select(i => ChainSamples.Vote(set, i, VoteType.Precommit, 1, 0, block, i == heavy ? 5_000 : 1_000 + i));
        var commit = CommitCertificate.FromPrecommits(1, 0, block, votes);
        Assert.Equal(5_000, commit.MedianTimeMs(set));
    }

    [Fact]
    public void Round_trips_and_rejects_unsorted_or_repeated_signers()
    {
        var set = ChainSamples.Validators(4);
        var commit = ChainSamples.Commit(set, 9, new Random(6).NextHash(), [0, 2, 3]);
        var bytes = Canonical.Encode(commit);
        var decoded = Canonical.Decode<CommitCertificate>(bytes);
        Assert.Equal(commit.Hash, decoded.Hash);
        Assert.True(decoded.Verify(ChainSamples.ChainId, set).IsSuccess);

        // Signature entries are 1 (index) + 8 (time) + 65 bytes, starting after version, height, round, hash and count.
        const int start = 1 + 8 + 4 + 32 + 1;
        const int entry = 74;
        var swapped = (byte[])bytes.Clone();
        var first = swapped.AsSpan(start, entry).ToArray();
        swapped.AsSpan(start + entry, entry).CopyTo(swapped.AsSpan(start, entry));
        first.CopyTo(swapped.AsSpan(start + entry, entry));
        Assert.Throws<CodecException>(() => Canonical.Decode<CommitCertificate>(swapped));

        var repeated = (byte[])bytes.Clone();
        repeated[start + entry] = repeated[start];
        Assert.Throws<CodecException>(() => Canonical.Decode<CommitCertificate>(repeated));
        Assert.Throws<ArgumentException>(() => new CommitCertificate(1, 0, default, []));
    }
}
