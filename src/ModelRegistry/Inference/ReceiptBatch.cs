using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Inference;

/// <summary>
/// A provider's batch of inference receipts for one version, as a file: what the provider keeps (or deposits in
/// a node's artifact store) and what the chain commits to by Merkle root only.
/// </summary>
/// <remarks>
/// <para>Encoding (the file): version <c>u8 = 1</c>, model version id (32), provider (20), receipts
/// <c>list&lt;InferenceReceipt, 1000000&gt;</c>, each naming the same version and provider. Its SHA-256 is the
/// batch's receipts artifact.</para>
/// <para>Root: <see cref="MerkleList.Root"/> (RFC 6962 shape) of the receipts' hashes in file order; a receipt is
/// proven in its batch by its index and audit path (<see cref="ReceiptProof"/>).</para>
/// </remarks>
public sealed class ReceiptBatch : ICanonicalEncodable<ReceiptBatch>
{
    private const byte Version1 = 1;

    /// <summary>Version byte, model version id, provider and the receipt count as a varint of at most 10 bytes.</summary>
    private const int MaxHeaderBytes = 1 + 32 + 20 + 10;
    private readonly InferenceReceipt[] _receipts;
    private Hash256[]? _leaves;

    public ReceiptBatch(Hash256 versionId, Address provider, IReadOnlyList<InferenceReceipt> receipts)
    {
        ArgumentOutOfRangeException.ThrowIfZero(receipts.Count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)receipts.Count, RegistryLimits.MaxReceiptsPerBatch);
        foreach (var receipt in receipts)
        {
            if (receipt.VersionId != versionId || receipt.Provider != provider)
            {
                throw new ArgumentException("every receipt of a batch names the batch's version and provider", nameof(receipts));
            }
        }

        VersionId = versionId;
        Provider = provider;
        _receipts = [.. receipts];
    }

    public Hash256 VersionId { get; }

    public Address Provider { get; }

    public IReadOnlyList<InferenceReceipt> Receipts => _receipts;

    public int Count => _receipts.Length;

    /// <summary>
    /// The most bytes the file of a batch of <paramref name="count"/> receipts can take: a node proving a receipt refuses
    /// to read a larger file, so a batch record cannot make it load an unrelated, larger artifact.
    /// </summary>
    public static long MaxEncodedBytes(ulong count) =>
        MaxHeaderBytes + ((long)Math.Min(count, RegistryLimits.MaxReceiptsPerBatch) * InferenceReceipt.MaxEncodedBytes);

    /// <summary>The Merkle root the chain records.</summary>
    public Hash256 Root() => MerkleList.Root(Leaves());

    /// <summary>The proof that receipt <paramref name="index"/> is in this batch.</summary>
    public ReceiptProof Prove(int index) => new(_receipts[index], index, _receipts.Length, MerkleList.Prove(Leaves(), index));

    /// <summary>The file's bytes.</summary>
    public byte[] Encode()
    {
        var writer = new CanonicalWriter(64 + (_receipts.Length * 220));
        try
        {
            Encode(ref writer);
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(VersionId);
        writer.WriteAddress(Provider);
        writer.WriteList(_receipts, (int)RegistryLimits.MaxReceiptsPerBatch, static (ref CanonicalWriter w, InferenceReceipt r) => r.Encode(ref w));
    }

    public static ReceiptBatch Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("receipt_batch.version", Version1);
        var version = reader.ReadHash("receipt_batch.model_version");
        var provider = reader.ReadAddress("receipt_batch.provider");
        var at = reader.Position;
        var receipts = reader.ReadList("receipt_batch.receipts", (int)RegistryLimits.MaxReceiptsPerBatch, InferenceReceipt.Decode);
        if (receipts.Length == 0 || receipts.Any(r => r.VersionId != version || r.Provider != provider))
        {
            throw new CodecException("receipt_batch.receipts", at, "a batch holds at least one receipt, each naming the batch's version and provider");
        }

        return new ReceiptBatch(version, provider, receipts);
    }

    private Hash256[] Leaves() => _leaves ??= [.. _receipts.Select(r => r.Hash)];
}
