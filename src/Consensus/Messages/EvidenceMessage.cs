using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Messages;

/// <summary>Evidence of a double vote, gossiped so that every proposer can include it.</summary>
public sealed class EvidenceMessage(DuplicateVoteEvidence evidence) : ConsensusMessage
{
    public DuplicateVoteEvidence Evidence { get; } = evidence;

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Evidence;

    public override ulong Height => Evidence.Height;

    private protected override void EncodeBody(ref CanonicalWriter writer) => Evidence.Encode(ref writer);
}
