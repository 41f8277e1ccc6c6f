using DaiChain.Ledger.Transactions;

namespace DaiChain.ModelRegistry;

/// <summary>
/// Transaction kind ids of the model registry, in ModelRegistry's range
/// (<see cref="TransactionKinds.ModelRegistryFirst"/>..<see cref="TransactionKinds.ModelRegistryLast"/>). An id never
/// changes meaning once released (docs/spec/registry.md).
/// </summary>
public static class RegistryKinds
{
    public const ushort RegisterModel = 100;
    public const ushort RegisterModelVersion = 101;
    public const ushort SetVersionStage = 102;
    public const ushort SetAlias = 103;
    public const ushort RevokeVersion = 104;
    public const ushort RegisterDataset = 105;
    public const ushort RegisterBenchmark = 106;
    public const ushort RecordTrainingContribution = 107;
    public const ushort OpenRound = 108;
    public const ushort CloseRound = 109;
    public const ushort RecordInferenceBatch = 110;
    public const ushort RecordInferenceReceipt = 111;

    /// <summary>The block proposer's evaluation of the version registered just before it in the same block (docs/spec/evaluation-gate.md).</summary>
    public const ushort RecordEvaluation = 112;

    /// <summary>Evidence that a validator signed two different results for one evaluation: slashes and jails it like a double vote (docs/spec/evaluation-gate.md).</summary>
    public const ushort ReportConflictingEvaluation = 113;
}
