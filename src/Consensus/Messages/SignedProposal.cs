using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Messages;

/// <summary>
/// A proposer's signed <c>⟨PROPOSAL, h, round, id(v), validRound⟩</c> (line 19 of Algorithm 1). A consensus
/// protocol message, not chain data: blocks carry commit certificates, never proposals.
/// </summary>
/// <remarks>
/// Encoding: the sign-bytes body (<see cref="ProposalSignBytes"/>), proposer address (20 bytes), proposer index
/// (varuint below <see cref="ChainLimits.MaxValidators"/>), the 65-byte recoverable signature.
/// </remarks>
public sealed class SignedProposal : ICanonicalEncodable<SignedProposal>
{
    public SignedProposal(ulong height, uint round, int validRound, Hash256 blockHash, Address proposerAddress, int proposerIndex, RecoverableSignature signature)
    {
        ArgumentOutOfRangeException.ThrowIfZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(validRound, -1);
        ArgumentOutOfRangeException.ThrowIfNegative(proposerIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(proposerIndex, ChainLimits.MaxValidators);
        Height = height;
        Round = round;
        ValidRound = validRound;
        BlockHash = blockHash;
        ProposerAddress = proposerAddress;
        ProposerIndex = proposerIndex;
        Signature = signature;
    }

    public ulong Height { get; }

    public uint Round { get; }

    /// <summary>The paper's <c>validRound</c>: the round of the polka this proposal re-proposes, or -1.</summary>
    public int ValidRound { get; }

    public Hash256 BlockHash { get; }

    public Address ProposerAddress { get; }

    public int ProposerIndex { get; }

    public RecoverableSignature Signature { get; }

    public Hash256 Digest(string chainId) => ProposalSignBytes.Digest(chainId, Height, Round, ValidRound, BlockHash);

    /// <summary>True when the two proposals say the same thing (signatures aside).</summary>
    public bool SameContent(SignedProposal other) =>
        Height == other.Height && Round == other.Round && ValidRound == other.ValidRound && BlockHash == other.BlockHash
        && ProposerIndex == other.ProposerIndex && ProposerAddress == other.ProposerAddress;

    public void Encode(ref CanonicalWriter writer)
    {
        ProposalSignBytes.WriteBody(ref writer, Height, Round, ValidRound, BlockHash);
        writer.WriteAddress(ProposerAddress);
        writer.WriteVarUInt((ulong)ProposerIndex);
        Signature.Encode(ref writer);
    }

    public static SignedProposal Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("proposal.version", ProposalSignBytes.Version1);
        var heightAt = reader.Position;
        var height = reader.ReadUInt64("proposal.height");
        if (height == 0)
        {
            throw new CodecException("proposal.height", heightAt, "heights start at 1");
        }

        var round = reader.ReadUInt32("proposal.round");
        var validAt = reader.Position;
        var validPlusOne = reader.ReadUInt32("proposal.valid_round");
        if (validPlusOne > round)
        {
            throw new CodecException("proposal.valid_round", validAt, "the valid round must be below the round");
        }

        var hash = reader.ReadHash("proposal.block_hash");
        var address = reader.ReadAddress("proposal.proposer_address");
        var index = reader.ReadVarInt32("proposal.proposer_index", ChainLimits.MaxValidators - 1);
        var signature = RecoverableSignature.Decode(ref reader);
        return new SignedProposal(height, round, (int)validPlusOne - 1, hash, address, index, signature);
    }

    public override string ToString() => $"Proposal h{Height} r{Round} vr{ValidRound} {BlockHash.ToString()[..12]} by {ProposerAddress}";
}
