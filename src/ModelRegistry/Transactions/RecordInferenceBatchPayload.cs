using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 110 payload: version <c>u8 = 1</c>, model version id (32), receipt count <c>varuint</c> (1..1,000,000), receipts
/// Merkle root (32), receipts artifact (32: SHA-256 of the receipts file if deposited, zero otherwise). The sender is the provider.
/// </summary>
public sealed record RecordInferenceBatchPayload(Hash256 VersionId, ulong ReceiptCount, Hash256 ReceiptsRoot, Hash256 ReceiptsArtifact)
    : ICanonicalEncodable<RecordInferenceBatchPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(VersionId);
        writer.WriteVarUInt(ReceiptCount);
        writer.WriteHash(ReceiptsRoot);
        writer.WriteHash(ReceiptsArtifact);
    }

    public static RecordInferenceBatchPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("inference_batch.version", Version1);
        return new RecordInferenceBatchPayload(reader.ReadHash("inference_batch.model_version"), reader.ReadVarUInt("inference_batch.receipt_count"), reader.ReadHash("inference_batch.receipts_root"), reader.ReadHash("inference_batch.receipts_artifact"));
    }
}
