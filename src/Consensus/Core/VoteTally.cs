using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// The votes of one kind in one round of one height, weighted by voting power, and the +2/3 conditions of
/// Algorithm 1.
/// </summary>
/// <remarks>
/// <para>
/// Algorithm 1 counts <em>messages</em>: "2f+1 ⟨PREVOTE, h, r, id(v)⟩" is the power of the senders of that exact
/// message. So a validator that equivocates counts toward every value it voted for (up to
/// <see cref="MaxVotesPerValidator"/> distinct votes), while "2f+1 ⟨PREVOTE, h, r, ∗⟩" counts each sender once.
/// Dropping an equivocator's second vote instead would let a correct process miss a polka that others saw, and
/// processes locked on different values would never converge. Counting both is safe: two values with +2/3 each
/// would need more than a third of the power to be byzantine.
/// </para>
/// <para>
/// Values are kept in lists in order of first appearance, never in a hash map that would be iterated, so every
/// query is deterministic.
/// </para>
/// </remarks>
/// <typeparam name="TSigned">The signed vote kept for certificates and evidence.</typeparam>
public sealed class VoteTally<TSigned>
    where TSigned : class
{
    /// <summary>Distinct votes kept per validator: its first, and conflicting ones up to this total.</summary>
    public const int MaxVotesPerValidator = 4;

    private readonly Committee _committee;
    private readonly TSigned?[] _signed;
    private readonly Hash256?[] _values;
    private readonly List<(int Index, Hash256? Value, TSigned Vote)> _conflicting = [];
    private readonly List<(Hash256 Value, long Power)> _powerByValue = [];

    public VoteTally(Committee committee)
    {
        _committee = committee;
        _signed = new TSigned?[committee.Count];
        _values = new Hash256?[committee.Count];
    }

    /// <summary>Power of the distinct validators that voted, whatever for.</summary>
    public long AnyPower { get; private set; }

    /// <summary>Power of the validators that voted nil.</summary>
    public long NilPower { get; private set; }

    /// <summary>The value with +2/3 of the power, if any (at most one can have it with less than 1/3 byzantine).</summary>
    public Hash256? QuorumValue { get; private set; }

    /// <summary>+2/3 of the power voted, for anything (lines 34, 47).</summary>
    public bool HasQuorumAny => _committee.IsQuorum(AnyPower);

    /// <summary>+2/3 of the power voted nil (line 44).</summary>
    public bool HasQuorumNil => _committee.IsQuorum(NilPower);

    /// <summary>Distinct validators that voted.</summary>
    public int Count { get; private set; }

    /// <summary>Counts <paramref name="signed"/>, the vote of <paramref name="index"/> for <paramref name="value"/>.</summary>
    /// <remarks>
    /// On <see cref="VoteAddResult.Conflict"/> the vote is counted for its value (while the validator has fewer than
    /// <see cref="MaxVotesPerValidator"/> votes) and <c>existing</c> is the validator's first vote: evidence.
    /// </remarks>
    public VoteAddResult Add(int index, Hash256? value, TSigned signed, out TSigned? existing)
    {
        existing = _signed[index];
        if (existing is null)
        {
            _signed[index] = signed;
            _values[index] = value;
            Count++;
            AnyPower += _committee.PowerOf(index);
            CountFor(index, value);
            return VoteAddResult.Added;
        }

        if (_values[index] == value)
        {
            return VoteAddResult.Duplicate;
        }

        var votes = 1;
        foreach (var (other, otherValue, _) in _conflicting)
        {
            if (other == index)
            {
                if (otherValue == value)
                {
                    return VoteAddResult.Duplicate;
                }

                votes++;
            }
        }

        if (votes < MaxVotesPerValidator)
        {
            _conflicting.Add((index, value, signed));
            CountFor(index, value);
        }

        return VoteAddResult.Conflict;
    }

    /// <summary>True when a vote of <paramref name="index"/> was counted.</summary>
    public bool HasVoted(int index) => _signed[index] is not null;

    /// <summary>True when <paramref name="index"/> has a counted vote for <paramref name="value"/> (nil when null).</summary>
    public bool HasVotedFor(int index, Hash256? value)
    {
        if (_signed[index] is null)
        {
            return false;
        }

        if (_values[index] == value)
        {
            return true;
        }

        foreach (var (other, otherValue, _) in _conflicting)
        {
            if (other == index && otherValue == value)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The power behind <paramref name="value"/> (nil when null).</summary>
    public long PowerFor(Hash256? value)
    {
        if (value is not { } id)
        {
            return NilPower;
        }

        foreach (var (candidate, power) in _powerByValue)
        {
            if (candidate == id)
            {
                return power;
            }
        }

        return 0;
    }

    /// <summary>True when +2/3 of the power voted for <paramref name="value"/>.</summary>
    public bool HasQuorumFor(Hash256 value) => QuorumValue == value;

    /// <summary>The counted votes for <paramref name="value"/> (nil when null), one per validator, in validator-index order.</summary>
    public List<TSigned> VotesFor(Hash256? value)
    {
        var votes = new List<TSigned>();
        for (var i = 0; i < _signed.Length; i++)
        {
            if (_signed[i] is not { } vote)
            {
                continue;
            }

            if (_values[i] == value)
            {
                votes.Add(vote);
                continue;
            }

            foreach (var (other, otherValue, conflicting) in _conflicting)
            {
                if (other == i && otherValue == value)
                {
                    votes.Add(conflicting);
                    break;
                }
            }
        }

        return votes;
    }

    private void CountFor(int index, Hash256? value)
    {
        var power = _committee.PowerOf(index);
        if (value is not { } id)
        {
            NilPower += power;
            return;
        }

        var slot = -1;
        for (var i = 0; i < _powerByValue.Count; i++)
        {
            if (_powerByValue[i].Value == id)
            {
                slot = i;
                break;
            }
        }

        long total;
        if (slot < 0)
        {
            total = power;
            _powerByValue.Add((id, power));
        }
        else
        {
            total = _powerByValue[slot].Power + power;
            _powerByValue[slot] = (id, total);
        }

        if (QuorumValue is null && _committee.IsQuorum(total))
        {
            QuorumValue = id;
        }
    }
}
