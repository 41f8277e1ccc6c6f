using DaiChain.Ledger.Encoding;
using DaiChain.ModelRegistry.Inference;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 111 payload: version <c>u8 = 1</c>, one <see cref="InferenceReceipt"/> (its provider must be the sender; the chain checks the consumer's signature).</summary>
public sealed record RecordInferenceReceiptPayload(InferenceReceipt Receipt) : ICanonicalEncodable<RecordInferenceReceiptPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        Receipt.Encode(ref writer);
    }

    public static RecordInferenceReceiptPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("inference_receipt.version", Version1);
        return new RecordInferenceReceiptPayload(InferenceReceipt.Decode(ref reader));
    }
}
