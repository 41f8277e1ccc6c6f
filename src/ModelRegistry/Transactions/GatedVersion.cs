using DaiChain.Ledger.Transactions;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>A version registration in a block that names benchmarks, with the proposer's record of its evaluation right after it.</summary>
public sealed record GatedVersion(int Index, SignedTransaction Registration, RegisterModelVersionPayload Version, RecordEvaluationPayload Record);
