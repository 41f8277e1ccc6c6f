using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// The votes of one kind in one round of one height, weighted by voting power: one slot per validator (its first
/// vote), the power behind each value and behind nil, and the +2/3 conditions of Algorithm 1.
/// </summary>
/// <remarks>
/// Values are kept in a list in order of first appearance (at most one entry per validator), never in a hash map
/// that would be iterated, so every query is deterministic. At most one value can pass +2/3: two would need more
/// than 4/3 of the power, and each validator counts once.
/// </remarks>
/// <typeparam name="TSigned">The signed vote kept for certificates and evidence.</typeparam>
public sealed class VoteTally<TSigned>
    where TSigned : class
{
    private readonly Committee _committee;
    private readonly TSigned?[] _signed;
    private readonly Hash256?[] _values;
    private readonly List<(Hash256 Value, long Power)> _powerByValue = [];

    public VoteTally(Committee committee)
    {
        _committee = committee;
        _signed = new TSigned?[committee.Count];
        _values = new Hash256?[committee.Count];
    }

    /// <summary>Power of all counted votes, nil included.</summary>
    public long AnyPower { get; private set; }

    /// <summary>Power of the counted nil votes.</summary>
    public long NilPower { get; private set; }

    /// <summary>The value with +2/3 of the power, if any.</summary>
    public Hash256? QuorumValue { get; private set; }

    /// <summary>+2/3 of the power voted, for anything (lines 34, 47).</summary>
    public bool HasQuorumAny => _committee.IsQuorum(AnyPower);

    /// <summary>+2/3 of the power voted nil (line 44).</summary>
    public bool HasQuorumNil => _committee.IsQuorum(NilPower);

    public int Count { get; private set; }

    /// <summary>Counts <paramref name="signed"/>, the vote of <paramref name="index"/> for <paramref name="value"/>.</summary>
    /// <remarks>On <see cref="VoteAddResult.Conflict"/>, <c>existing</c> is the vote already counted for that validator.</remarks>
    public VoteAddResult Add(int index, Hash256? value, TSigned signed, out TSigned? existing)
    {
        existing = _signed[index];
        if (existing is not null)
        {
            return _values[index] == value ? VoteAddResult.Duplicate : VoteAddResult.Conflict;
        }

        _signed[index] = signed;
        _values[index] = value;
        Count++;
        var power = _committee.PowerOf(index);
        AnyPower += power;
        if (value is not { } id)
        {
            NilPower += power;
            return VoteAddResult.Added;
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

        return VoteAddResult.Added;
    }

    /// <summary>True when a vote of <paramref name="index"/> was counted.</summary>
    public bool HasVoted(int index) => _signed[index] is not null;

    /// <summary>True when <paramref name="index"/>'s counted vote is for <paramref name="value"/> (nil when null).</summary>
    public bool HasVotedFor(int index, Hash256? value) => _signed[index] is not null && _values[index] == value;

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

    /// <summary>The counted votes for <paramref name="value"/> (nil when null), in validator-index order.</summary>
    public List<TSigned> VotesFor(Hash256? value)
    {
        var votes = new List<TSigned>();
        for (var i = 0; i < _signed.Length; i++)
        {
            if (_signed[i] is { } vote && _values[i] == value)
            {
                votes.Add(vote);
            }
        }

        return votes;
    }

    /// <summary>Every counted vote in validator-index order.</summary>
    public List<TSigned> All()
    {
        var votes = new List<TSigned>(Count);
        foreach (var vote in _signed)
        {
            if (vote is not null)
            {
                votes.Add(vote);
            }
        }

        return votes;
    }
}
