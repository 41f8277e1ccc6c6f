using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Inference;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A recorded batch of inference receipts, under <c>reg.batch/{id}</c> (id = hash of the recording transaction).</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id (32), model version id (32), provider (20), receipt count <c>varuint</c>,
/// receipts root (32), receipts artifact (32, zero when the receipts file was not deposited), height
/// <c>varuint</c>, epoch <c>varuint</c>, has receipt <c>bool</c> [<see cref="InferenceReceipt"/>: the single
/// receipt of a RecordInferenceReceipt, whose signature the chain checked].
/// </remarks>
public sealed record InferenceBatchRecord : ICanonicalEncodable<InferenceBatchRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Id { get; init; }

    public required Hash256 VersionId { get; init; }

    public required Address Provider { get; init; }

    public required ulong ReceiptCount { get; init; }

    public required Hash256 ReceiptsRoot { get; init; }

    /// <summary>SHA-256 of the receipts file (<see cref="ReceiptBatch"/>) when the provider deposited it; zero otherwise.</summary>
    public required Hash256 ReceiptsArtifact { get; init; }

    public required ulong Height { get; init; }

    /// <summary>The reward epoch the receipts count in.</summary>
    public required ulong Epoch { get; init; }

    /// <summary>The receipt itself, for single receipts recorded on chain.</summary>
    public InferenceReceipt? Receipt { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Id);
        writer.WriteHash(VersionId);
        writer.WriteAddress(Provider);
        writer.WriteVarUInt(ReceiptCount);
        writer.WriteHash(ReceiptsRoot);
        writer.WriteHash(ReceiptsArtifact);
        writer.WriteVarUInt(Height);
        writer.WriteVarUInt(Epoch);
        writer.WriteBool(Receipt is not null);
        Receipt?.Encode(ref writer);
    }

    public static InferenceBatchRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("batch.version", Version1);
        return new InferenceBatchRecord
        {
            Id = reader.ReadHash("batch.id"),
            VersionId = reader.ReadHash("batch.model_version"),
            Provider = reader.ReadAddress("batch.provider"),
            ReceiptCount = reader.ReadVarUInt("batch.receipt_count", RegistryLimits.MaxReceiptsPerBatch),
            ReceiptsRoot = reader.ReadHash("batch.receipts_root"),
            ReceiptsArtifact = reader.ReadHash("batch.receipts_artifact"),
            Height = reader.ReadVarUInt("batch.height"),
            Epoch = reader.ReadVarUInt("batch.epoch"),
            Receipt = reader.ReadBool("batch.has_receipt") ? InferenceReceipt.Decode(ref reader) : null,
        };
    }
}
