using System.Collections.Immutable;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Staking;

/// <summary>
/// The voters of one height as consensus sees them: members in a fixed order (a member's position is its
/// validator index), their voting powers, and the +2/3 and +1/3 thresholds of Algorithm 1.
/// </summary>
/// <remarks>
/// This is the engine's view of a validator set, not the chain format: the committed validator set, its hash and
/// its encoding belong to <c>DaiChain.Ledger.Chain</c>. The order is the validator set's own deterministic order, so
/// index <c>i</c> means the same validator on every node. Total power is capped at <see cref="MaxTotalPower"/>
/// so that <c>3 × power</c> and the proposer priorities can never overflow a 64-bit integer.
/// </remarks>
public sealed class Committee
{
    /// <summary>The largest total voting power, 2^60 (the chain's limit): 3 × power and every priority fit in 64 bits.</summary>
    public const long MaxTotalPower = 1L << 60;

    /// <summary>The most members a committee may have (bounds every per-validator array and message list).</summary>
    public const int MaxMembers = 1024;

    private readonly Dictionary<Address, int> _indexByAddress;

    public Committee(IEnumerable<CommitteeMember> members)
    {
        Members = [.. members];
        if (Members.Length == 0)
        {
            throw new ArgumentException("a committee needs at least one member", nameof(members));
        }

        if (Members.Length > MaxMembers)
        {
            throw new ArgumentException($"a committee has at most {MaxMembers} members, got {Members.Length}", nameof(members));
        }

        _indexByAddress = new Dictionary<Address, int>(Members.Length);
        long total = 0;
        for (var i = 0; i < Members.Length; i++)
        {
            var member = Members[i];
            if (member.Power <= 0)
            {
                throw new ArgumentException($"member {member.Address} has non-positive power {member.Power}", nameof(members));
            }

            if (!_indexByAddress.TryAdd(member.Address, i))
            {
                throw new ArgumentException($"member {member.Address} appears twice", nameof(members));
            }

            total += member.Power;
            if (total > MaxTotalPower)
            {
                throw new ArgumentException($"total voting power exceeds {MaxTotalPower}", nameof(members));
            }
        }

        TotalPower = total;
    }

    public ImmutableArray<CommitteeMember> Members { get; }

    /// <summary>The committee of a chain validator set: same order (by address), so indexes agree with certificates.</summary>
    public static Committee FromValidatorSet(ValidatorSet validators) =>
        new(validators.Validators.Select(v => new CommitteeMember(v.Address, checked((long)v.Power))));

    public int Count => Members.Length;

    /// <summary><c>n</c> in the paper: the sum of all members' voting power.</summary>
    public long TotalPower { get; }

    public long PowerOf(int index) => Members[index].Power;

    public Address AddressOf(int index) => Members[index].Address;

    /// <summary>The index of <paramref name="address"/>, or -1 when it is not a member.</summary>
    public int IndexOf(Address address) => _indexByAddress.TryGetValue(address, out var index) ? index : -1;

    /// <summary>"2f + 1": strictly more than two thirds of the total power.</summary>
    public bool IsQuorum(long power) => power * 3 > TotalPower * 2;

    /// <summary>"f + 1": strictly more than one third of the total power, so at least one correct process.</summary>
    public bool IsOneThird(long power) => power * 3 > TotalPower;

    /// <summary>True when both committees have the same members with the same powers in the same order.</summary>
    public bool SameAs(Committee other) => Members.SequenceEqual(other.Members);

    public override string ToString() => $"Committee({Count} members, power {TotalPower})";
}
