using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Transactions;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Unsigned registry transactions from payloads, for clients (the CLI), tests and benchmarks; sign with <see cref="Transaction.Sign"/>.</summary>
public static class RegistryTransactions
{
    /// <summary>The transaction carrying <paramref name="payload"/>, of the kind that payload belongs to.</summary>
    public static Transaction Create<TPayload>(string chainId, ulong nonce, TPayload payload)
        where TPayload : ICanonicalEncodable<TPayload> => new(chainId, nonce, KindOf(payload), Canonical.Encode(payload));

    /// <summary>The kind id whose handler takes <paramref name="payload"/>.</summary>
    public static ushort KindOf(object payload) => payload switch
    {
        RegisterModelPayload => RegistryKinds.RegisterModel,
        RegisterModelVersionPayload => RegistryKinds.RegisterModelVersion,
        SetVersionStagePayload => RegistryKinds.SetVersionStage,
        SetAliasPayload => RegistryKinds.SetAlias,
        RevokeVersionPayload => RegistryKinds.RevokeVersion,
        RegisterDatasetPayload => RegistryKinds.RegisterDataset,
        RegisterBenchmarkPayload => RegistryKinds.RegisterBenchmark,
        RecordContributionPayload => RegistryKinds.RecordTrainingContribution,
        OpenRoundPayload => RegistryKinds.OpenRound,
        CloseRoundPayload => RegistryKinds.CloseRound,
        RecordInferenceBatchPayload => RegistryKinds.RecordInferenceBatch,
        RecordInferenceReceiptPayload => RegistryKinds.RecordInferenceReceipt,
        RecordEvaluationPayload => RegistryKinds.RecordEvaluation,
        ReportConflictingEvaluationPayload => RegistryKinds.ReportConflictingEvaluation,
        _ => throw new ArgumentException($"{payload.GetType().Name} is not a registry payload", nameof(payload)),
    };
}
