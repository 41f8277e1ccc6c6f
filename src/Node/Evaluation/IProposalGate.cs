using DaiChain.Consensus.Application;
using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// What the evaluation gate adds to a validator's consensus application: it shapes this node's proposals (a gated
/// version only with its evaluation record right after it) and, as an <see cref="IProposalCheck"/>, judges other
/// proposers' blocks before this node prevotes for them.
/// </summary>
public interface IProposalGate : IProposalCheck
{
    /// <summary>The candidates to propose, from the mempool's: gated versions whose evaluation is done, each followed by its record.</summary>
    IReadOnlyList<SignedTransaction> Compose(ChainView head, Address proposer, IReadOnlyList<SignedTransaction> candidates);

    /// <summary>The candidates without any gated version: the fallback when a composed block came out unpaired.</summary>
    IReadOnlyList<SignedTransaction> WithoutGated(ChainView head, IReadOnlyList<SignedTransaction> candidates);

    /// <summary>The layout rule alone (no comparison of results), on a block this node built.</summary>
    Outcome CheckLayout(Block block);
}
