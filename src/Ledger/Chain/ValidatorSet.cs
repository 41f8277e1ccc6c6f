using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Chain;

/// <summary>
/// The validators of one height, ordered by address (ascending, unsigned bytes), with their total power and
/// hash. Immutable; carries no proposer priorities (those are consensus state, not chain data).
/// </summary>
/// <remarks>
/// A set is never empty, never has two validators with one address, and its total power is at most
/// <see cref="ChainLimits.MaxTotalVotingPower"/>. The order is the index used by commit certificates.
/// Encoding: version 1, then a list of <see cref="Validator"/> (at most <see cref="ChainLimits.MaxValidators"/>)
/// in that order; a decoder rejects any other order. <see cref="Hash"/> is SHA-256 of the encoding.
/// </remarks>
public sealed class ValidatorSet : ICanonicalEncodable<ValidatorSet>
{
    private const byte Version1 = 1;

    private readonly Validator[] _validators;
    private readonly Dictionary<Address, int> _indexByAddress;
    private byte[]? _encoded;
    private Hash256? _hash;

    private ValidatorSet(Validator[] sorted)
    {
        _validators = sorted;
        _indexByAddress = new Dictionary<Address, int>(sorted.Length);
        ulong total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            _indexByAddress[sorted[i].Address] = i;
            total += sorted[i].Power;
        }

        TotalPower = total;
    }

    /// <summary>Builds a set from validators in any order.</summary>
    /// <exception cref="ArgumentException">Empty, too many, a repeated address, or total power over the limit.</exception>
    public static ValidatorSet Create(IEnumerable<Validator> validators)
    {
        var sorted = validators.OrderBy(v => v.Address).ToArray();
        var problem = FindProblem(sorted);
        return problem is null ? new ValidatorSet(sorted) : throw new ArgumentException(problem, nameof(validators));
    }

    public int Count => _validators.Length;

    public ulong TotalPower { get; }

    public IReadOnlyList<Validator> Validators => _validators;

    public Validator this[int index] => _validators[index];

    /// <summary>SHA-256 of the canonical encoding; the value of a header's validators hash.</summary>
    public Hash256 Hash => _hash ??= Hash256.Compute(Encoded);

    /// <summary>The smallest power that is more than two thirds of the total.</summary>
    public ulong QuorumPower => (TotalPower * 2 / 3) + 1;

    public bool TryGetIndex(Address address, out int index) => _indexByAddress.TryGetValue(address, out index);

    public Validator? Find(Address address) => _indexByAddress.TryGetValue(address, out var i) ? _validators[i] : null;

    public bool Contains(Address address) => _indexByAddress.ContainsKey(address);

    /// <summary>True when <paramref name="power"/> is more than two thirds of the total.</summary>
    public bool IsQuorum(ulong power) => (UInt128)power * 3 > (UInt128)TotalPower * 2;

    public void Encode(ref CanonicalWriter writer) => writer.WriteFixed(Encoded);

    public static ValidatorSet Decode(ref CanonicalReader reader)
    {
        var start = reader.Position;
        _ = reader.ReadVersion("validator_set.version", Version1);
        var validators = reader.ReadList("validator_set.validators", ChainLimits.MaxValidators, Validator.Decode);
        var problem = FindProblem(validators);
        if (problem is not null)
        {
            throw new CodecException("validator_set.validators", start, problem);
        }

        return new ValidatorSet(validators);
    }

    public override string ToString() => $"ValidatorSet({Count} validators, power {TotalPower}, {Hash})";

    private byte[] Encoded => _encoded ??= EncodeBody();

    private byte[] EncodeBody()
    {
        var writer = new CanonicalWriter(64 + (_validators.Length * 40));
        try
        {
            writer.WriteByte(Version1);
            writer.WriteList(_validators, ChainLimits.MaxValidators, static (ref CanonicalWriter w, Validator v) => v.Encode(ref w));
            return writer.ToArray();
        }
        finally
        {
            writer.Dispose();
        }
    }

    private static string? FindProblem(Validator[] sorted)
    {
        if (sorted.Length == 0)
        {
            return "a validator set has at least one validator";
        }

        if (sorted.Length > ChainLimits.MaxValidators)
        {
            return $"a validator set has at most {ChainLimits.MaxValidators} validators, got {sorted.Length}";
        }

        ulong total = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i > 0 && sorted[i - 1].Address.CompareTo(sorted[i].Address) >= 0)
            {
                return sorted[i - 1].Address == sorted[i].Address
                    ? $"validator {sorted[i].Address} appears twice"
                    : "validators must be ordered by address";
            }

            total += sorted[i].Power;
            if (total > ChainLimits.MaxTotalVotingPower)
            {
                return $"total voting power exceeds {ChainLimits.MaxTotalVotingPower}";
            }
        }

        return null;
    }
}
