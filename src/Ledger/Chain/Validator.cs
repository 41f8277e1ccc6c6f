using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>A member of a validator set: its consensus public key and voting power. The address derives from the key.</summary>
/// <remarks>Encoding: the 33-byte compressed public key, then the power as a varuint (at least 1).</remarks>
public sealed record Validator : ICanonicalEncodable<Validator>
{
    public Validator(PublicKey publicKey, ulong power)
    {
        ArgumentOutOfRangeException.ThrowIfZero(power);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(power, ChainLimits.MaxTotalVotingPower);
        PublicKey = publicKey;
        Power = power;
    }

    public PublicKey PublicKey { get; }

    public ulong Power { get; }

    public Address Address => PublicKey.Address;

    public void Encode(ref CanonicalWriter writer)
    {
        PublicKey.Encode(ref writer);
        writer.WriteVarUInt(Power);
    }

    public static Validator Decode(ref CanonicalReader reader)
    {
        var key = PublicKey.Decode(ref reader);
        var at = reader.Position;
        var power = reader.ReadVarUInt("validator.power", ChainLimits.MaxTotalVotingPower);
        if (power == 0)
        {
            throw new CodecException("validator.power", at, "a validator has power of at least 1");
        }

        return new Validator(key, power);
    }

    public override string ToString() => $"{Address} power {Power}";
}
