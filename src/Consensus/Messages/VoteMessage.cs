using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Messages;

/// <summary>A signed prevote or precommit.</summary>
public sealed class VoteMessage(Vote vote) : ConsensusMessage
{
    public Vote Vote { get; } = vote;

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Vote;

    public override ulong Height => Vote.Height;

    private protected override void EncodeBody(ref CanonicalWriter writer) => Vote.Encode(ref writer);
}
