using DaiChain.Ledger.Encoding;

namespace DaiChain.ModelRegistry.Records;

/// <summary>One reward paid to an account (list <c>reg.rewards/{address}</c>): version <c>u8 = 1</c>, epoch, amount, height (<c>varuint</c> each).</summary>
public sealed record RewardEntry(ulong Epoch, ulong Amount, ulong Height) : ICanonicalEncodable<RewardEntry>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Epoch);
        writer.WriteVarUInt(Amount);
        writer.WriteVarUInt(Height);
    }

    public static RewardEntry Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("reward.version", Version1);
        return new RewardEntry(reader.ReadVarUInt("reward.epoch"), reader.ReadVarUInt("reward.amount"), reader.ReadVarUInt("reward.height"));
    }
}
