using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Execution;

/// <summary>Where a committed transaction is: block height and position in the block.</summary>
public readonly record struct TransactionLocation(Hash256 TransactionHash, ulong Height, int Index);
