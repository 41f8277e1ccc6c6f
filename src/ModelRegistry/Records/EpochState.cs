using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Records;

/// <summary>
/// The reward epoch in progress, under <c>reg.epoch/current</c>: version <c>u8 = 1</c>, epoch, start height,
/// receipts so far, served versions counted (<c>varuint</c> each). Absent means epoch 0 starting at height 1.
/// </summary>
public sealed record EpochState(ulong Epoch, ulong StartHeight, ulong Receipts, ulong ServedVersions) : ICanonicalEncodable<EpochState>
{
    private const byte Version1 = 1;

    public static EpochState First { get; } = new(0, 1, 0, 0);

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Epoch);
        writer.WriteVarUInt(StartHeight);
        writer.WriteVarUInt(Receipts);
        writer.WriteVarUInt(ServedVersions);
    }

    public static EpochState Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("epoch.version", Version1);
        return new EpochState(reader.ReadVarUInt("epoch.epoch"), reader.ReadVarUInt("epoch.start_height"), reader.ReadVarUInt("epoch.receipts"), reader.ReadVarUInt("epoch.served_versions"));
    }
}
