using System.Globalization;
using DaiChain.Ledger;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RecordInferenceBatch (kind 110): a provider (<c>inference_provider</c>, the sender; the transaction's signature is
/// its signature over the batch) records how many receipts it served with a version and their Merkle root. The
/// receipts stay with the provider, or in a node's artifact store when deposited; each is provable against the root.
/// </summary>
/// <remarks>
/// The chain cannot check consumer signatures it does not hold: anyone holding a receipt checks it with its
/// proof (<c>ReceiptProof</c>) and the consumer's signature. Receipts for a revoked version are still recorded
/// (what was served is a fact) but earn no rewards.
/// </remarks>
public sealed class RecordInferenceBatchHandler : RegistryHandler<RecordInferenceBatchPayload>
{
    public override ushort Kind => RegistryKinds.RecordInferenceBatch;

    public override string Name => "record_inference_batch";

    protected override Outcome Validate(RecordInferenceBatchPayload payload)
    {
        if (payload.ReceiptCount == 0 || payload.ReceiptCount > RegistryLimits.MaxReceiptsPerBatch)
        {
            return Fail(RegistryErrorCodes.InvalidReceipts, $"a batch holds 1..{RegistryLimits.MaxReceiptsPerBatch} receipts, got {payload.ReceiptCount}");
        }

        return payload.ReceiptsRoot.IsZero
            ? Fail(RegistryErrorCodes.InvalidReceipts, "the receipts root is the Merkle root of the receipts' hashes and cannot be zero")
            : Outcome.Success;
    }

    protected override Outcome Execute(TransactionContext context, RecordInferenceBatchPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.InferenceProvider, "record inference receipts");
        if (!role.IsSuccess)
        {
            return role;
        }

        var version = RegistryState.GetVersion(context.State, payload.VersionId);
        if (version is null)
        {
            return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(payload.VersionId)} is registered");
        }

        var batch = InferenceAccounting.Record(context.State, context.Transaction.Hash, version, context.Sender, payload.ReceiptCount, payload.ReceiptsRoot, payload.ReceiptsArtifact, context.Block.Height, receipt: null);
        context.Emit(
            "registry.inference_recorded",
            ("model", RegistryIds.Format(version.ModelId)),
            ("version", RegistryIds.Format(version.Id)),
            ("batch", RegistryIds.Format(batch.Id)),
            ("receipts", payload.ReceiptCount.ToString(CultureInfo.InvariantCulture)),
            ("provider", context.Sender.ToString()));
        return Outcome.Success;
    }
}
