using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// A block: header, transactions, the commit certificate of the previous block (absent at height 1) and
/// evidence of misbehaviour.
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, header, transactions as <c>list&lt;bytes&lt;MaxTransactionBytes&gt;,
/// 100000&gt;</c> (each a <see cref="SignedTransaction"/> encoding), has-last-commit <c>bool</c> then the
/// <see cref="CommitCertificate"/>, evidence as <c>list&lt;DuplicateVoteEvidence, 64&gt;</c>. At most
/// <see cref="ChainLimits.MaxBlockBytes"/> in all. The block's hash is its header's hash.
/// </remarks>
public sealed class Block : ICanonicalEncodable<Block>
{
    private const byte Version1 = 1;

    private readonly SignedTransaction[] _transactions;
    private readonly DuplicateVoteEvidence[] _evidence;
    private Hash256? _hash;

    public Block(BlockHeader header, IReadOnlyList<SignedTransaction> transactions, CommitCertificate? lastCommit, IReadOnlyList<DuplicateVoteEvidence> evidence)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(transactions.Count, ChainLimits.MaxTransactionsPerBlock);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(evidence.Count, ChainLimits.MaxEvidencePerBlock);
        Header = header;
        _transactions = [.. transactions];
        LastCommit = lastCommit;
        _evidence = [.. evidence];
    }

    public BlockHeader Header { get; }

    public IReadOnlyList<SignedTransaction> Transactions => _transactions;

    public CommitCertificate? LastCommit { get; }

    public IReadOnlyList<DuplicateVoteEvidence> Evidence => _evidence;

    public ulong Height => Header.Height;

    public Hash256 Hash => _hash ??= Header.Hash();

    /// <summary>The transactions root for a list of transactions.</summary>
    public static Hash256 ComputeTransactionsRoot(IReadOnlyList<SignedTransaction> transactions)
    {
        var hashes = new Hash256[transactions.Count];
        for (var i = 0; i < hashes.Length; i++)
        {
            hashes[i] = transactions[i].Hash;
        }

        return MerkleList.Root(hashes);
    }

    public static Hash256 ComputeEvidenceHash(IReadOnlyList<DuplicateVoteEvidence> evidence) =>
        MerkleList.Root([.. evidence.Select(e => e.Hash)]);

    /// <summary>
    /// Checks what the block says about itself: transactions root, evidence hash, and that the last commit is
    /// present exactly when height > 1, is for height - 1 and the previous block hash, and matches the last
    /// commit hash. Signatures, roots from execution and links to the stored chain are the executor's checks.
    /// </summary>
    public Outcome VerifyStructure()
    {
        if (ComputeTransactionsRoot(_transactions) != Header.TransactionsRoot)
        {
            return Outcome.Fail("block_bad_transactions_root", $"block {Height}'s transactions do not match its header's transactions root");
        }

        if (ComputeEvidenceHash(_evidence) != Header.EvidenceHash)
        {
            return Outcome.Fail("block_bad_evidence_hash", $"block {Height}'s evidence does not match its header's evidence hash");
        }

        var seen = new HashSet<Hash256>();
        foreach (var tx in _transactions)
        {
            if (!seen.Add(tx.Hash))
            {
                return Outcome.Fail("block_duplicate_transaction", $"block {Height} contains transaction {tx.Hash} twice");
            }
        }

        if (Height == 1)
        {
            return LastCommit is null && Header.LastCommitHash.IsZero && Header.PreviousBlockHash.IsZero
                ? Outcome.Success
                : Outcome.Fail("block_bad_last_commit", "the first block has no previous block, no last commit and zero hashes for both");
        }

        if (LastCommit is null)
        {
            return Outcome.Fail("block_missing_last_commit", $"block {Height} must carry the commit certificate of block {Height - 1}");
        }

        if (LastCommit.Height != Height - 1 || LastCommit.BlockHash != Header.PreviousBlockHash)
        {
            return Outcome.Fail("block_bad_last_commit", $"block {Height}'s last commit is for height {LastCommit.Height} block {LastCommit.BlockHash}, not the previous block {Header.PreviousBlockHash}");
        }

        return LastCommit.Hash == Header.LastCommitHash
            ? Outcome.Success
            : Outcome.Fail("block_bad_last_commit", $"block {Height}'s last commit does not match its header's last commit hash");
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        Header.Encode(ref writer);
        writer.WriteList(_transactions, ChainLimits.MaxTransactionsPerBlock, static (ref CanonicalWriter w, SignedTransaction tx) => w.WriteBytes(tx.Encoded, ChainLimits.MaxTransactionBytes));
        writer.WriteBool(LastCommit is not null);
        LastCommit?.Encode(ref writer);
        writer.WriteList(_evidence, ChainLimits.MaxEvidencePerBlock, static (ref CanonicalWriter w, DuplicateVoteEvidence e) => e.Encode(ref w));
    }

    public byte[] Encode()
    {
        var writer = new CanonicalWriter(1024 + _transactions.Sum(t => t.Size + 4));
        try
        {
            Encode(ref writer);
            Invariant.Check(writer.Length <= ChainLimits.MaxBlockBytes, $"block {Height} encodes to {writer.Length} bytes, over the limit");
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>Decodes a whole block, rejecting anything over <see cref="ChainLimits.MaxBlockBytes"/> or non-canonical.</summary>
    public static Block FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > ChainLimits.MaxBlockBytes)
        {
            throw new CodecException("block", 0, $"a block is at most {ChainLimits.MaxBlockBytes} bytes, got {bytes.Length}");
        }

        return Canonical.Decode<Block>(bytes);
    }

    public static Block Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("block.version", Version1);
        var header = BlockHeader.Decode(ref reader);
        var transactions = reader.ReadList("block.transactions", ChainLimits.MaxTransactionsPerBlock, static (ref CanonicalReader r) =>
        {
            var at = r.Position;
            var bytes = r.ReadBytesSpan("block.transaction", ChainLimits.MaxTransactionBytes);
            try
            {
                return Canonical.Decode<SignedTransaction>(bytes);
            }
            catch (CodecException e)
            {
                throw new CodecException($"block.transaction.{e.Field}", at + e.Offset, e.Problem);
            }
        });
        var lastCommit = reader.ReadBool("block.has_last_commit") ? CommitCertificate.Decode(ref reader) : null;
        var evidence = reader.ReadList("block.evidence", ChainLimits.MaxEvidencePerBlock, DuplicateVoteEvidence.Decode);
        return new Block(header, transactions, lastCommit, evidence);
    }
}
