using DaiChain.Ledger;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Application;

/// <summary>
/// An extra check a validator runs on a proposed block after it executed successfully and before prevoting for
/// it: the hook where model evaluation (comparing the proposer's recorded metrics with this validator's own)
/// plugs in. A failure makes the block invalid for this validator (it prevotes nil).
/// </summary>
/// <remarks>
/// Consulted for prevoting only, never when committing: a block that +2/3 of the validators decided commits on every
/// node whatever this check says, so a validator that disagrees never halts. The result is not cached, so a check
/// that could not decide in time (an evaluation still running) may decide differently for the same block later.
/// Used by the node's evaluation gate (docs/spec/evaluation-gate.md).
/// </remarks>
public interface IProposalCheck
{
    Outcome Check(Block block);
}
