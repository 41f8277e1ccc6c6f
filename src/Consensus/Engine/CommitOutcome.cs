using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Engine;

/// <summary>What committing a block did that the engine needs to know: the evidence it carried (now punished).</summary>
public sealed record CommitOutcome(IReadOnlyList<DuplicateVoteEvidence> Evidence)
{
    public static CommitOutcome Empty { get; } = new([]);
}
