using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Staking;

/// <summary>Tokens on their way back to an account: released at the start of the block at the entry's height.</summary>
public sealed record UnbondingEntry(Address Owner, ulong Amount) : ICanonicalEncodable<UnbondingEntry>
{
    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteAddress(Owner);
        writer.WriteVarUInt(Amount);
    }

    public static UnbondingEntry Decode(ref CanonicalReader reader) =>
        new(reader.ReadAddress("unbonding.owner"), reader.ReadVarUInt("unbonding.amount"));
}
