using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Messages;

/// <summary>A signed proposal and the block it names.</summary>
public sealed class ProposalMessage(SignedProposal proposal, byte[] block) : ConsensusMessage
{
    public SignedProposal Proposal { get; } = proposal;

    /// <summary>The block's canonical bytes; its hash must be <see cref="SignedProposal.BlockHash"/>.</summary>
    public byte[] Block { get; } = block;

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Proposal;

    public override ulong Height => Proposal.Height;

    private protected override void EncodeBody(ref CanonicalWriter writer)
    {
        Proposal.Encode(ref writer);
        writer.WriteBytes(Block, ChainLimits.MaxBlockBytes);
    }
}
