using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Messages;

/// <summary>
/// What consensus sends on its network channel: a proposal with its block, a vote, a committed block with its
/// certificate (for a peer that fell behind), or evidence of equivocation.
/// </summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, kind <c>u8</c>, then the kind's body. Blocks travel as opaque bytes (at most
/// <see cref="ChainLimits.MaxBlockBytes"/>): consensus orders them; the application decodes and executes them.
/// </remarks>
public abstract class ConsensusMessage : ICanonicalEncodable<ConsensusMessage>
{
    private const byte Version1 = 1;

    private protected ConsensusMessage()
    {
    }

    /// <summary>The kind tag on the wire.</summary>
    public abstract ConsensusMessageKind Kind { get; }

    /// <summary>The height the message is about.</summary>
    public abstract ulong Height { get; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteByte((byte)Kind);
        EncodeBody(ref writer);
    }

    public static ConsensusMessage Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("consensus_message.version", Version1);
        return reader.ReadEnum<ConsensusMessageKind>("consensus_message.kind") switch
        {
            ConsensusMessageKind.Proposal => new ProposalMessage(SignedProposal.Decode(ref reader), reader.ReadBytes("proposal.block", ChainLimits.MaxBlockBytes)),
            ConsensusMessageKind.Vote => new VoteMessage(Vote.Decode(ref reader)),
            ConsensusMessageKind.Commit => new CommitMessage(reader.ReadBytes("commit.block", ChainLimits.MaxBlockBytes), CommitCertificate.Decode(ref reader)),
            ConsensusMessageKind.Evidence => new EvidenceMessage(DuplicateVoteEvidence.Decode(ref reader)),
            var kind => throw new CodecException("consensus_message.kind", reader.Position, $"unknown kind {kind}"),
        };
    }

    private protected abstract void EncodeBody(ref CanonicalWriter writer);
}
