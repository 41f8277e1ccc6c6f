using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Staking;

/// <summary>Payload of bond and unbond: the token amount. Encoding: version <c>u8 = 1</c>, amount <c>varuint</c>.</summary>
public sealed record StakePayload(ulong Amount) : ICanonicalEncodable<StakePayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteVarUInt(Amount);
    }

    public static StakePayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("stake.version", Version1);
        return new StakePayload(reader.ReadVarUInt("stake.amount"));
    }
}
