using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// A block header: everything a light client or auditor needs to check a block and prove state against it.
/// </summary>
/// <remarks>
/// <para><see cref="StateRoot"/> and <see cref="ReceiptsRoot"/> commit to the result of executing <em>this</em>
/// block's transactions on top of the previous block's state (the proposer executes before proposing, every
/// validator re-executes before voting). A proof against header H is a proof about the state after block H.</para>
/// <para><see cref="ValidatorsHash"/> is the set that signs this block (its commit is in block H+1);
/// <see cref="NextValidatorsHash"/> the set for H+1. Changes made by block H's transactions take effect at H+2.</para>
/// Encoding: version <c>u8 = 1</c>, chain id <c>string&lt;64&gt;</c>, height <c>u64</c>, time <c>i64</c> (Unix ms,
/// the proposer's clock), previous block hash, last commit hash, transactions root, receipts root, state root,
/// validators hash, next validators hash, evidence hash (each 32 bytes), proposer address (20 bytes).
/// The block hash is SHA-256 of this encoding.
/// </remarks>
public sealed record BlockHeader : ICanonicalEncodable<BlockHeader>
{
    private const byte Version1 = 1;

    public required string ChainId { get; init; }

    public required ulong Height { get; init; }

    public required long TimeMs { get; init; }

    /// <summary>Zero for height 1.</summary>
    public required Hash256 PreviousBlockHash { get; init; }

    /// <summary>Hash of the block's commit certificate for the previous block; zero for height 1.</summary>
    public required Hash256 LastCommitHash { get; init; }

    /// <summary><see cref="MerkleList"/> root of the transaction hashes in block order.</summary>
    public required Hash256 TransactionsRoot { get; init; }

    /// <summary><see cref="MerkleList"/> root of the receipt hashes in block order.</summary>
    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>The state tree root after executing this block.</summary>
    public required Hash256 StateRoot { get; init; }

    public required Hash256 ValidatorsHash { get; init; }

    public required Hash256 NextValidatorsHash { get; init; }

    /// <summary><see cref="MerkleList"/> root of the evidence hashes in block order.</summary>
    public required Hash256 EvidenceHash { get; init; }

    public required Address ProposerAddress { get; init; }

    /// <summary>The block hash: SHA-256 of the header's canonical encoding.</summary>
    public Hash256 Hash() => Hash256.Compute(Canonical.Encode(this));

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(ChainId, ChainLimits.MaxChainIdBytes);
        writer.WriteUInt64(Height);
        writer.WriteInt64(TimeMs);
        writer.WriteHash(PreviousBlockHash);
        writer.WriteHash(LastCommitHash);
        writer.WriteHash(TransactionsRoot);
        writer.WriteHash(ReceiptsRoot);
        writer.WriteHash(StateRoot);
        writer.WriteHash(ValidatorsHash);
        writer.WriteHash(NextValidatorsHash);
        writer.WriteHash(EvidenceHash);
        writer.WriteAddress(ProposerAddress);
    }

    public static BlockHeader Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("header.version", Version1);
        var chainAt = reader.Position;
        var chainId = reader.ReadString("header.chain_id", ChainLimits.MaxChainIdBytes);
        if (!SignBytes.IsValidChainId(chainId))
        {
            throw new CodecException("header.chain_id", chainAt, "a chain id is 1-64 characters of [A-Za-z0-9._-]");
        }

        var heightAt = reader.Position;
        var height = reader.ReadUInt64("header.height");
        if (height == 0)
        {
            throw new CodecException("header.height", heightAt, "heights start at 1");
        }

        return new BlockHeader
        {
            ChainId = chainId,
            Height = height,
            TimeMs = reader.ReadInt64("header.time_ms"),
            PreviousBlockHash = reader.ReadHash("header.previous_block_hash"),
            LastCommitHash = reader.ReadHash("header.last_commit_hash"),
            TransactionsRoot = reader.ReadHash("header.transactions_root"),
            ReceiptsRoot = reader.ReadHash("header.receipts_root"),
            StateRoot = reader.ReadHash("header.state_root"),
            ValidatorsHash = reader.ReadHash("header.validators_hash"),
            NextValidatorsHash = reader.ReadHash("header.next_validators_hash"),
            EvidenceHash = reader.ReadHash("header.evidence_hash"),
            ProposerAddress = reader.ReadAddress("header.proposer_address"),
        };
    }
}
