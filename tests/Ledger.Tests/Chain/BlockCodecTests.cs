using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Chain;

public sealed class BlockCodecTests
{
    [Fact]
    public void Header_round_trips_and_its_hash_is_sha256_of_the_encoding()
    {
        var header = ChainSamples.Header();
        var bytes = Canonical.Encode(header);
        Assert.Equal(1 + 1 + ChainSamples.ChainId.Length + 8 + 8 + (32 * 8) + 20, bytes.Length);
        Assert.Equal(header, Canonical.Decode<BlockHeader>(bytes));
        Assert.Equal(Ledger.Primitives.Hash256.Compute(bytes), header.Hash());
    }

    [Fact]
    public void Header_rejects_height_zero_bad_chain_ids_versions_and_trailing_bytes()
    {
        var bytes = Canonical.Encode(ChainSamples.Header());
        var heightAt = 2 + ChainSamples.ChainId.Length;
        var zero = (byte[])bytes.Clone();
        zero.AsSpan(heightAt, 8).Clear();
        Assert.Throws<CodecException>(() => Canonical.Decode<BlockHeader>(zero));
        var badChar = (byte[])bytes.Clone();
        badChar[2] = (byte)' ';
        Assert.Throws<CodecException>(() => Canonical.Decode<BlockHeader>(badChar));
        var version = (byte[])bytes.Clone();
        version[0] = 2;
        Assert.Throws<CodecException>(() => Canonical.Decode<BlockHeader>(version));
        Assert.Throws<CodecException>(() => Canonical.Decode<BlockHeader>([.. bytes, 0]));
    }

    [Fact]
    public void Transactions_round_trip_and_reject_high_s_or_trailing_bytes()
    {
        var tx = Build.A.Transfer.From(Keys.Account(0)).Nonce(3).Signed();
        var decoded = SignedTransaction.FromBytes(tx.Encoded);
        Assert.Equal(tx.Hash, decoded.Hash);
        Assert.True(decoded.TryRecoverSender(out var sender));
        Assert.Equal(Keys.Account(0).Address, sender);
        Assert.Throws<CodecException>(() => SignedTransaction.FromBytes([.. tx.Encoded, 0]));

        var badRecovery = tx.Encoded.ToArray();
        badRecovery[^1] = 2;
        Assert.Throws<CodecException>(() => SignedTransaction.FromBytes(badRecovery));

        var nonMinimalNonce = tx.Encoded.ToArray().ToList();
        var nonceAt = 2 + ChainSamples.ChainId.Length;
        nonMinimalNonce[nonceAt] |= 0x80;
        nonMinimalNonce.Insert(nonceAt + 1, 0);
        Assert.Throws<CodecException>(() => SignedTransaction.FromBytes(nonMinimalNonce.ToArray()));
    }

    [Fact]
    public void A_changed_byte_changes_the_recovered_sender()
    {
        var tx = Build.A.Transfer.From(Keys.Account(0)).Signed();
        var bytes = tx.Encoded.ToArray();
        bytes[^70] ^= 1; // inside the payload
        var tampered = SignedTransaction.FromBytes(bytes);
        Assert.False(tampered.TryRecoverSender(out var sender) && sender == Keys.Account(0).Address);
    }

    [Fact]
    public void Block_round_trips_with_commit_and_evidence()
    {
        var chain = new TestChain();
        chain.CommitNext(Build.A.Transfer.From(Keys.Account(0)).Signed());
        var set = chain.Store.GetValidatorSet(1)!;
        var random = new Random(5);
        var evidence = new DuplicateVoteEvidence(
            ChainSamples.Vote(set, 0, VoteType.Prevote, 1, 0, random.NextHash()),
            ChainSamples.Vote(set, 0, VoteType.Prevote, 1, 0, random.NextHash()));
        var (block, _) = chain.Propose([Build.A.Transfer.From(Keys.Account(0)).Nonce(1).Signed()], [evidence]);
        Assert.NotNull(block.LastCommit);
        Assert.Single(block.Evidence);
        var bytes = block.Encode();
        var decoded = Block.FromBytes(bytes);
        Assert.Equal(block.Hash, decoded.Hash);
        Assert.Equal(bytes, decoded.Encode());
        Assert.True(decoded.VerifyStructure().IsSuccess);
        Assert.Throws<CodecException>(() => Block.FromBytes([.. bytes, 0]));
        Assert.Throws<CodecException>(() => Block.FromBytes(bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void Structure_checks_name_what_is_wrong()
    {
        var chain = new TestChain();
        var (first, _) = chain.Propose([Build.A.Transfer.From(Keys.Account(0)).Signed()]);
        Assert.True(first.VerifyStructure().IsSuccess);

        var badRoot = new Block(first.Header with { TransactionsRoot = default }, first.Transactions, null, []);
        Assert.Equal("block_bad_transactions_root", badRoot.VerifyStructure().Code);
        var twice = new Block(first.Header with { TransactionsRoot = Block.ComputeTransactionsRoot([.. first.Transactions, .. first.Transactions]) }, [.. first.Transactions, .. first.Transactions], null, []);
        Assert.Equal("block_duplicate_transaction", twice.VerifyStructure().Code);

        chain.Commit(first);
        var (second, _) = chain.Propose([]);
        var noCommit = new Block(second.Header, second.Transactions, null, []);
        Assert.Equal("block_missing_last_commit", noCommit.VerifyStructure().Code);
        var wrongCommit = new Block(second.Header with { LastCommitHash = new Random(1).NextHash() }, second.Transactions, second.LastCommit, []);
        Assert.Equal("block_bad_last_commit", wrongCommit.VerifyStructure().Code);
    }
}
