using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.State;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// RecordInferenceReceipt (kind 111): one receipt recorded whole. The provider (<c>inference_provider</c>) must be
/// the sender and the consumer's signature must verify on this chain; it is stored as a batch of one whose root is
/// the Merkle root of that receipt alone.
/// </summary>
public sealed class RecordInferenceReceiptHandler : RegistryHandler<RecordInferenceReceiptPayload>
{
    public override ushort Kind => RegistryKinds.RecordInferenceReceipt;

    public override string Name => "record_inference_receipt";

    protected override Outcome Execute(TransactionContext context, RecordInferenceReceiptPayload payload)
    {
        var role = RequireRole(context, RegistryRoles.InferenceProvider, "record inference receipts");
        if (!role.IsSuccess)
        {
            return role;
        }

        var receipt = payload.Receipt;
        if (receipt.Provider != context.Sender)
        {
            return Fail(RegistryErrorCodes.InvalidReceipts, $"the receipt names provider {receipt.Provider}; only that provider may record it, not {context.Sender}");
        }

        var version = RegistryState.GetVersion(context.State, receipt.VersionId);
        if (version is null)
        {
            return Fail(RegistryErrorCodes.UnknownVersion, $"no version {RegistryIds.Format(receipt.VersionId)} is registered");
        }

        if (!receipt.VerifyConsumer(context.Block.ChainId))
        {
            return Fail(RegistryErrorCodes.BadReceiptSignature, $"the consumer signature does not recover {receipt.Consumer} for this receipt on chain '{context.Block.ChainId}'");
        }

        var root = MerkleList.Root([receipt.Hash]);
        var batch = InferenceAccounting.Record(context.State, context.Transaction.Hash, version, context.Sender, 1, root, default, context.Block.Height, receipt);
        context.Emit(
            "registry.inference_recorded",
            ("model", RegistryIds.Format(version.ModelId)),
            ("version", RegistryIds.Format(version.Id)),
            ("batch", RegistryIds.Format(batch.Id)),
            ("receipts", "1"),
            ("provider", context.Sender.ToString()),
            ("consumer", receipt.Consumer.ToString()));
        return Outcome.Success;
    }
}
