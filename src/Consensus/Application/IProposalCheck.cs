using DaiChain.Ledger;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Application;

/// <summary>
/// An extra check a validator runs on a proposed block after it executed successfully and before prevoting for
/// it: the hook where model evaluation (comparing the proposer's recorded metrics with this validator's own)
/// plugs in. A failure makes the block invalid for this validator (it prevotes nil).
/// </summary>
/// <remarks>Must be deterministic for a given block and chain state, or validators disagree on validity.</remarks>
public interface IProposalCheck
{
    Outcome Check(Block block);
}
