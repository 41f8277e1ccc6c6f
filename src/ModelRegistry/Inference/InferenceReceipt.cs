using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Inference;

/// <summary>
/// A consumer's signed acknowledgement that a provider served one inference with a model version: hashes of the
/// request and response (never the data), the consumer, the consumer's time, and the consumer's signature.
/// </summary>
/// <remarks>
/// <para>Signed body: version <c>u8 = 1</c>, model version id (32), provider (20), request hash (32), response hash
/// (32), consumer (20), time (Unix ms, <c>varuint</c>). The consumer signs
/// <c>SignBytes.Digest(InferenceReceipt, chainId, body)</c>, so a receipt binds the chain, the version and the
/// provider: it cannot be replayed for another provider or version.</para>
/// <para>Encoding: the body, then the 65-byte signature. <see cref="Hash"/> (SHA-256 of the encoding) is the
/// receipt's leaf in its batch's Merkle root (<see cref="ReceiptBatch"/>).</para>
/// </remarks>
public sealed class InferenceReceipt : ICanonicalEncodable<InferenceReceipt>
{
    /// <summary>The longest encoding: version, four hashes and addresses, the time as a 10-byte varint, the signature.</summary>
    public const int MaxEncodedBytes = 1 + 32 + 20 + 32 + 32 + 20 + 10 + RecoverableSignature.Size;

    private const byte Version1 = 1;

    public InferenceReceipt(Hash256 versionId, Address provider, Hash256 requestHash, Hash256 responseHash, Address consumer, ulong timeMs, RecoverableSignature consumerSignature)
    {
        VersionId = versionId;
        Provider = provider;
        RequestHash = requestHash;
        ResponseHash = responseHash;
        Consumer = consumer;
        TimeMs = timeMs;
        ConsumerSignature = consumerSignature;
        Hash = Hash256.Compute(Canonical.Encode(this));
    }

    public Hash256 VersionId { get; }

    public Address Provider { get; }

    public Hash256 RequestHash { get; }

    public Hash256 ResponseHash { get; }

    public Address Consumer { get; }

    /// <summary>When the consumer received the response, as the consumer's clock says (Unix ms).</summary>
    public ulong TimeMs { get; }

    public RecoverableSignature ConsumerSignature { get; }

    /// <summary>The receipt's leaf value in its batch.</summary>
    public Hash256 Hash { get; }

    /// <summary>The consumer signs a receipt for the given facts.</summary>
    public static InferenceReceipt Sign(ISigner consumer, string chainId, Hash256 versionId, Address provider, Hash256 requestHash, Hash256 responseHash, ulong timeMs)
    {
        var body = SignedBody(versionId, provider, requestHash, responseHash, consumer.Address, timeMs);
        var signature = consumer.Sign(SigningDomain.InferenceReceipt, chainId, body);
        return new InferenceReceipt(versionId, provider, requestHash, responseHash, consumer.Address, timeMs, signature);
    }

    /// <summary>The bytes the consumer signs.</summary>
    public static byte[] SignedBody(Hash256 versionId, Address provider, Hash256 requestHash, Hash256 responseHash, Address consumer, ulong timeMs)
    {
        var writer = new CanonicalWriter(stackalloc byte[160]);
        try
        {
            WriteBody(ref writer, versionId, provider, requestHash, responseHash, consumer, timeMs);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    /// <summary>True when the signature recovers <see cref="Consumer"/> over this receipt on <paramref name="chainId"/>.</summary>
    public bool VerifyConsumer(string chainId)
    {
        var digest = SignBytes.Digest(SigningDomain.InferenceReceipt, chainId, SignedBody(VersionId, Provider, RequestHash, ResponseHash, Consumer, TimeMs));
        return Secp256k1.Shared.TryRecover(digest, ConsumerSignature, out var key) && key.Address == Consumer;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        WriteBody(ref writer, VersionId, Provider, RequestHash, ResponseHash, Consumer, TimeMs);
        ConsumerSignature.Encode(ref writer);
    }

    public static InferenceReceipt Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("receipt.version", Version1);
        return new InferenceReceipt(
            reader.ReadHash("receipt.model_version"),
            reader.ReadAddress("receipt.provider"),
            reader.ReadHash("receipt.request_hash"),
            reader.ReadHash("receipt.response_hash"),
            reader.ReadAddress("receipt.consumer"),
            reader.ReadVarUInt("receipt.time_ms"),
            RecoverableSignature.Decode(ref reader));
    }

    private static void WriteBody(ref CanonicalWriter writer, Hash256 versionId, Address provider, Hash256 requestHash, Hash256 responseHash, Address consumer, ulong timeMs)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(versionId);
        writer.WriteAddress(provider);
        writer.WriteHash(requestHash);
        writer.WriteHash(responseHash);
        writer.WriteAddress(consumer);
        writer.WriteVarUInt(timeMs);
    }
}
