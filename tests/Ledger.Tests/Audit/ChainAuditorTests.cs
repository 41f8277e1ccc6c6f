using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;

namespace DaiChain.Ledger.Tests.Audit;

/// <summary>
/// <see cref="ChainAuditor"/> on chains built with real signatures: an intact chain verifies from genesis, with and
/// without re-execution; any stored byte changed, any forged, missing or outsider signature is found at its height.
/// </summary>
public sealed class ChainAuditorTests
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();

    private static AuditChain NewChain(int blocks = 6, int transfers = 3, bool removeValidator = true)
    {
        var chain = new AuditChain();
        chain.Grow(2, transfers);
        if (removeValidator)
        {
            chain.RemoveValidator(3);
        }

        return chain.Grow(blocks, transfers);
    }

    private static AuditReport Audit(AuditChain chain, bool reExecute = true, IBlockSource? source = null, AuditOptions? options = null)
    {
        var auditor = new ChainAuditor(TrustedGenesis.From(chain.Genesis, Rules), Rules, options ?? new AuditOptions { ReExecute = reExecute }, reExecute ? TestChain.NewMemoryStore() : null);
        return auditor.Run(source ?? Source(chain));
    }

    private static StoreBlockSource Source(AuditChain chain) => new(chain.Store, "test store", AuditChain.CertificateColumn);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void An_intact_chain_verifies_to_its_head_following_the_validator_set_change(bool reExecute)
    {
        var chain = NewChain();
        var report = Audit(chain, reExecute);

        Assert.True(report.IsClean, report.Failure?.ToString());
        Assert.Null(report.Note);
        Assert.Equal(chain.Chain.Height, report.VerifiedHeight);
        Assert.Equal(chain.Chain.Height, report.Certificates);
        Assert.Equal(chain.Chain.Store.GetHeader(chain.Chain.Height)!.Hash(), report.Head.BlockHash);
        Assert.Equal(chain.Chain.Head.StateRoot.Hash, report.Head.StateRoot);
        var change = Assert.Single(report.ValidatorSetChanges, c => c.Height > 1);
        Assert.Equal(chain.RemovalEffectiveHeight, change.Height);
        Assert.Equal(3, change.Validators);
        Assert.Equal(reExecute, report.StoredStateCompared);
    }

    [Fact]
    public void Without_the_head_certificate_the_head_is_not_counted_and_the_note_says_why()
    {
        var chain = NewChain(removeValidator: false);
        var auditor = new ChainAuditor(TrustedGenesis.From(chain.Genesis, Rules), Rules, new AuditOptions(), TestChain.NewMemoryStore());
        var report = auditor.Run(new StoreBlockSource(chain.Store, "no certificates"));

        Assert.True(report.IsClean, report.Failure?.ToString());
        Assert.Equal(chain.Chain.Height - 1, report.VerifiedHeight);
        Assert.Contains($"block {chain.Chain.Height} is the newest", report.Note, StringComparison.Ordinal);
    }

    [Fact]
    public void An_audit_resumes_on_its_replay_store_after_the_heights_it_verified()
    {
        var chain = NewChain();
        var replay = TestChain.NewMemoryStore();
        var genesis = TrustedGenesis.From(chain.Genesis, Rules);
        var first = new ChainAuditor(genesis, Rules, new AuditOptions(), replay).Run(Source(chain), targetHeight: 4);
        Assert.Equal(4UL, first.VerifiedHeight);

        var second = new ChainAuditor(genesis, Rules, new AuditOptions(), replay).Run(Source(chain));
        Assert.True(second.IsClean, second.Failure?.ToString());
        Assert.Equal(5UL, second.FromHeight);
        Assert.Equal(chain.Chain.Height, second.VerifiedHeight);
    }

    [Fact]
    public void Data_of_another_genesis_is_refused_before_any_block()
    {
        var chain = NewChain(blocks: 1, removeValidator: false);
        var other = Build.A.Genesis.WithChainId("another-chain").Build();
        var auditor = new ChainAuditor(TrustedGenesis.From(other, Rules), Rules, new AuditOptions(), TestChain.NewMemoryStore());
        var meta = Source(chain).Meta!;
        Assert.False(auditor.CheckSourceGenesis(meta.ChainId, meta.GenesisHash));
        var report = auditor.Run(Source(chain));
        Assert.Equal(AuditCodes.GenesisMismatch, report.Failure!.Code);
        Assert.Equal(0UL, report.VerifiedHeight);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_byte_of_a_stored_block_flipped_is_found_at_that_height(bool reExecute)
    {
        var chain = NewChain(blocks: 2, transfers: 1, removeValidator: false);
        const ulong target = 3;
        var key = AuditChain.HeightKey(target);
        var original = chain.Store.Get(ChainColumns.Blocks, key);
        for (var i = 0; i < original.Length; i++)
        {
            var at = i;
            chain.Overwrite(ChainColumns.Blocks, key, bytes =>
            {
                bytes[at] ^= 0x01;
                return bytes;
            });
            var report = Audit(chain, reExecute);
            Assert.True(report.Failure is { } f && f.Height == target, $"byte {at}: {report.Failure?.ToString() ?? "no failure"}");
            chain.Overwrite(ChainColumns.Blocks, key, _ => original);
        }

        Assert.True(Audit(chain, reExecute).IsClean);
    }

    [Fact]
    public void A_changed_transaction_is_named_by_the_transactions_root()
    {
        var chain = NewChain(blocks: 2, transfers: 2, removeValidator: false);
        var block = chain.Chain.Store.GetBlock(2)!;
        var forged = Build.A.Transaction.From(Keys.Account(0)).Nonce(0).Transfer(Keys.Account(9).Address, 999_999).Signed();
        var replaced = new Block(block.Header, [forged, .. block.Transactions.Skip(1)], block.LastCommit, block.Evidence);
        chain.Overwrite(ChainColumns.Blocks, AuditChain.HeightKey(2), _ => replaced.Encode());

        var failure = Audit(chain).Failure!;
        Assert.Equal(2UL, failure.Height);
        Assert.Equal("block_bad_transactions_root", failure.Code);
    }

    [Fact]
    public void A_flipped_byte_in_stored_receipts_is_named_by_receipt()
    {
        var chain = NewChain(blocks: 3, transfers: 2, removeValidator: false);
        const ulong target = 2;
        var key = AuditChain.HeightKey(target);
        var original = chain.Store.Get(ChainColumns.Receipts, key);
        var flips = 0;
        for (var i = 0; i < original.Length; i++)
        {
            var at = i;
            chain.Overwrite(ChainColumns.Receipts, key, bytes =>
            {
                bytes[at] ^= 0x20;
                return bytes;
            });
            var failure = Audit(chain).Failure;
            Assert.True(failure is { Height: target } && failure.Code is AuditCodes.ReceiptMismatch or AuditCodes.BlockUndecodable, $"byte {at}: {failure?.ToString() ?? "no failure"}");
            flips += failure!.Code == AuditCodes.ReceiptMismatch ? 1 : 0;
            chain.Overwrite(ChainColumns.Receipts, key, _ => original);
        }

        Assert.True(flips > 0);

        // Without re-execution the receipts still have to hash to the certified receipts root.
        chain.Overwrite(ChainColumns.Receipts, key, bytes =>
        {
            bytes[^1] ^= 0x01;
            return bytes;
        });
        Assert.Equal(target, Audit(chain, reExecute: false).Failure!.Height);
    }

    [Fact]
    public void A_flipped_byte_in_a_stored_state_value_is_found_at_the_version_that_wrote_it()
    {
        var chain = NewChain(blocks: 3, transfers: 2, removeValidator: false);
        const ulong target = 3;
        var entry = chain.Store.Range(ChainColumns.StateValues, null, null).First(e => ReadVersion(e.Key) == target);
        chain.Overwrite(ChainColumns.StateValues, entry.Key, bytes =>
        {
            bytes[^1] ^= 0x04;
            return bytes;
        });

        var failure = Audit(chain).Failure!;
        Assert.Equal(target, failure.Height);
        Assert.Equal(AuditCodes.StoredValueMismatch, failure.Code);
        Assert.Contains(new Hash256(entry.Key.AsSpan(0, 32)).ToString(), failure.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flipped_byte_in_a_stored_tree_node_or_latest_value_is_found()
    {
        var chain = NewChain(blocks: 3, transfers: 2, removeValidator: false);
        var node = chain.Store.Range(ChainColumns.StateNodes, null, null).First(e => ReadVersion(e.Key) == 2);
        chain.Overwrite(ChainColumns.StateNodes, node.Key, bytes =>
        {
            bytes[^1] ^= 0x80;
            return bytes;
        });
        var failure = Audit(chain).Failure!;
        Assert.Equal((2UL, AuditCodes.StoredNodeMismatch), (failure.Height, failure.Code));
        chain.Overwrite(ChainColumns.StateNodes, node.Key, bytes =>
        {
            bytes[^1] ^= 0x80;
            return bytes;
        });

        // The current state is each key's newest value version; a value no block wrote shows up only there.
        var stray = Hash256.Compute("audit/stray-key"u8);
        var strayKey = new byte[Hash256.Size + 8];
        stray.CopyTo(strayKey);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64BigEndian(strayKey.AsSpan(Hash256.Size), chain.Chain.Height);
        var batch = new Ledger.Storage.WriteBatch();
        batch.Put(ChainColumns.StateValues, strayKey, [1, 0x2a]);
        chain.Store.Write(batch, sync: false);
        failure = Audit(chain).Failure!;
        Assert.Equal((chain.Chain.Height, AuditCodes.StoredLatestMismatch), (failure.Height, failure.Code));
        Assert.Contains(stray.ToString(), failure.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void A_certificate_with_a_forged_signature_is_rejected()
    {
        var chain = NewChain(blocks: 3, transfers: 1, removeValidator: false);
        var honest = chain.Chain.Store.GetBlock(3)!.LastCommit!;
        var signatures = honest.Signatures.ToArray();
        using var stranger = PrivateKey.FromSeed("audit/stranger", 0);
        var block = chain.Chain.Store.GetBlock(2)!;
        var forgedVote = Vote.Sign(stranger.Signer(), chain.Chain.ChainId, VoteType.Precommit, 2, honest.Round, block.Hash, signatures[1].TimestampMs, signatures[1].ValidatorIndex);
        signatures[1] = new CommitSignature(signatures[1].ValidatorIndex, signatures[1].TimestampMs, forgedVote.Signature);
        var forged = new CommitCertificate(2, honest.Round, honest.BlockHash, signatures);

        var failure = Audit(chain, source: new LyingBlockSource(Source(chain), 2, forged)).Failure!;
        Assert.Equal((2UL, "commit_bad_signature"), (failure.Height, failure.Code));
        Assert.Equal("commit certificate", failure.Subject);
    }

    [Fact]
    public void A_certificate_missing_signatures_below_two_thirds_is_rejected()
    {
        var chain = NewChain(blocks: 3, transfers: 1, removeValidator: false);
        var partial = chain.Chain.CommitFor(chain.Chain.Store.GetBlock(2)!, signerIndexes: [0, 1]);
        var failure = Audit(chain, reExecute: false, source: new LyingBlockSource(Source(chain), 2, partial)).Failure!;
        Assert.Equal((2UL, "commit_insufficient_power"), (failure.Height, failure.Code));
    }

    [Fact]
    public void A_certificate_signed_by_a_removed_validator_is_rejected()
    {
        var chain = NewChain(blocks: 3, transfers: 1);
        var height = chain.RemovalEffectiveHeight + 1;
        var block = chain.Chain.Store.GetBlock(height)!;
        var set = chain.Chain.Store.GetValidatorSet(height)!;
        var removed = Keys.Validator(3);
        Assert.False(set.Contains(removed.Address));

        // The removed validator signs in place of a current one, at that one's index.
        var honest = chain.Chain.CommitFor(block, [0, 1]);
        var vote = Vote.Sign(removed.Signer(), chain.Chain.ChainId, VoteType.Precommit, height, 0, block.Hash, block.Header.TimeMs + 100, 2);
        var withOutsider = new CommitCertificate(height, 0, block.Hash, [.. honest.Signatures, new CommitSignature(2, vote.TimestampMs, vote.Signature)]);
        var failure = Audit(chain, source: new LyingBlockSource(Source(chain), height, withOutsider)).Failure!;
        Assert.Equal((height, "commit_bad_signature"), (failure.Height, failure.Code));

        // Or at its old index, which the new set no longer has.
        var atOldIndex = new CommitCertificate(height, 0, block.Hash, [.. honest.Signatures, new CommitSignature(3, vote.TimestampMs, vote.Signature)]);
        failure = Audit(chain, reExecute: false, source: new LyingBlockSource(Source(chain), height, atOldIndex)).Failure!;
        Assert.Equal((height, "commit_unknown_validator"), (failure.Height, failure.Code));
    }

    [Fact]
    public void The_removed_validator_still_counts_at_H_plus_1_and_no_longer_at_H_plus_2()
    {
        var chain = NewChain(blocks: 3, transfers: 1);
        var lastHeight = chain.RemovalEffectiveHeight - 1;
        var set = chain.Chain.Store.GetValidatorSet(lastHeight)!;
        Assert.Equal(4, set.Count);
        var removedIndex = Enumerable.Range(0, set.Count).Single(i => set[i].Address == Keys.Validator(3).Address);

        // Until the change takes effect, a quorum that needs the leaving validator's signature is a valid certificate.
        var needsIt = chain.Chain.CommitFor(chain.Chain.Store.GetBlock(lastHeight)!, [.. Enumerable.Range(0, 4).Where(i => i != (removedIndex == 0 ? 1 : 0))]);
        Assert.Contains(needsIt.Signatures, s => s.ValidatorIndex == removedIndex);
        var report = Audit(chain, source: new LyingBlockSource(Source(chain), lastHeight, needsIt));
        Assert.True(report.IsClean, report.Failure?.ToString());
        Assert.Equal(lastHeight, report.VerifiedHeight);

        // From H+2 on, the set has three validators and all three must sign: two are not enough.
        var first = chain.RemovalEffectiveHeight;
        var twoOfThree = chain.Chain.CommitFor(chain.Chain.Store.GetBlock(first)!, [0, 1]);
        var failure = Audit(chain, reExecute: false, source: new LyingBlockSource(Source(chain), first, twoOfThree)).Failure!;
        Assert.Equal((first, "commit_insufficient_power"), (failure.Height, failure.Code));
    }

    [Fact]
    public void A_certificate_for_another_block_is_rejected()
    {
        var chain = NewChain(blocks: 3, transfers: 1, removeValidator: false);
        var otherBlock = chain.Chain.Store.GetBlock(1)!;
        var wrong = chain.Chain.CommitFor(otherBlock);
        var failure = Audit(chain, source: new LyingBlockSource(Source(chain), 2, wrong)).Failure!;
        Assert.Equal((2UL, AuditCodes.CertificateWrongBlock), (failure.Height, failure.Code));
    }

    [Fact]
    public void A_stored_validator_set_that_the_headers_do_not_commit_to_is_found_without_re_execution()
    {
        var chain = NewChain(blocks: 2, transfers: 1);
        var key = AuditChain.HeightKey(chain.RemovalEffectiveHeight);
        var genesisSet = Canonical.Encode(chain.Chain.Store.GetValidatorSet(1)!);
        chain.Overwrite(ChainColumns.ValidatorSets, key, _ => genesisSet);

        var failure = Audit(chain, reExecute: false).Failure!;
        Assert.Equal((chain.RemovalEffectiveHeight - 1, AuditCodes.StoredValidatorSetMismatch), (failure.Height, failure.Code));
        Assert.Equal(AuditCodes.StoredValidatorSetMismatch, Audit(chain).Failure!.Code);
    }

    private static ulong ReadVersion(byte[] key) =>
        key.Length == 40 ? System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key.AsSpan(32)) : System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(key);
}
