using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Staking;

/// <summary>
/// A validator's staking state. Voting power is <see cref="Granted"/> (assigned by genesis or governance) plus
/// <see cref="Bonded"/> (tokens the validator locked with bond transactions), and zero while jailed.
/// </summary>
/// <remarks>
/// Two components because a consortium chain admits validators by agreement (governance grants power) while
/// proof of stake lets a validator add weight with its own tokens. Only bonded tokens are returned by unbond.
/// Encoding: version <c>u8 = 1</c>, public key (33), name <c>string&lt;64&gt;</c>, granted <c>varuint</c>, bonded
/// <c>varuint</c>, jailed <c>bool</c>.
/// </remarks>
public sealed record ValidatorRecord : ICanonicalEncodable<ValidatorRecord>
{
    private const byte Version1 = 1;

    public required PublicKey PublicKey { get; init; }

    public required string Name { get; init; }

    public ulong Granted { get; init; }

    public ulong Bonded { get; init; }

    public bool Jailed { get; init; }

    public Address Address => PublicKey.Address;

    /// <summary>Voting power: zero when jailed, else granted plus bonded (capped at the chain's total power limit).</summary>
    public ulong Power => Jailed ? 0 : Math.Min(ChainLimits.MaxTotalVotingPower, SaturatingAdd(Granted, Bonded));

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        PublicKey.Encode(ref writer);
        writer.WriteString(Name, ChainLimits.MaxNameBytes);
        writer.WriteVarUInt(Granted);
        writer.WriteVarUInt(Bonded);
        writer.WriteBool(Jailed);
    }

    public static ValidatorRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("validator_record.version", Version1);
        return new ValidatorRecord
        {
            PublicKey = PublicKey.Decode(ref reader),
            Name = reader.ReadString("validator_record.name", ChainLimits.MaxNameBytes),
            Granted = reader.ReadVarUInt("validator_record.granted"),
            Bonded = reader.ReadVarUInt("validator_record.bonded"),
            Jailed = reader.ReadBool("validator_record.jailed"),
        };
    }

    private static ulong SaturatingAdd(ulong a, ulong b) => ulong.MaxValue - a < b ? ulong.MaxValue : a + b;
}
