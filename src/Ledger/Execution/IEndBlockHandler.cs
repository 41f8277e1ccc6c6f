using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// A step another project runs at the end of every block, after the transactions and before the governance
/// tally (ModelRegistry's epoch rewards). Registered in <see cref="ChainRules.EndBlockHandlers"/>.
/// </summary>
/// <remarks>
/// Same rules as a transaction handler: deterministic (state, block context and parameters only), bounded work,
/// no failure path. Its writes go straight into the block's state; an exception is a bug and stops the node.
/// </remarks>
public interface IEndBlockHandler
{
    /// <summary>A short lower-case name for logs.</summary>
    string Name { get; }

    void EndBlock(IStateAccess state, BlockContext block, List<ReceiptEvent> events);
}
