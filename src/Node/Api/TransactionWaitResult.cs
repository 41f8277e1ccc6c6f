using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Node.Api;

/// <summary>How a transaction waited on by tx_submit ended: committed (at a height and index, with its receipt) or dropped from the mempool.</summary>
public sealed record TransactionWaitResult(ulong Height, int Index, Receipt? Receipt, Outcome? Dropped)
{
    public bool Committed => Dropped is null;
}
