using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A version's inference volume, under <c>reg.version_usage/{id}</c>: version <c>u8 = 1</c>, batches, receipts, last height (<c>varuint</c> each).</summary>
public sealed record VersionUsage(ulong Batches, ulong Receipts, ulong LastHeight) : ICanonicalEncodable<VersionUsage>
{
    private const byte Version1 = 1;

    public static VersionUsage None { get; } = new(0, 0, 0);

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Batches);
        writer.WriteVarUInt(Receipts);
        writer.WriteVarUInt(LastHeight);
    }

    public static VersionUsage Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("usage.version", Version1);
        return new VersionUsage(reader.ReadVarUInt("usage.batches"), reader.ReadVarUInt("usage.receipts"), reader.ReadVarUInt("usage.last_height"));
    }
}
