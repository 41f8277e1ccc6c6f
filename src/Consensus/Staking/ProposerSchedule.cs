using System.Collections.Immutable;
using DaiChain.Ledger;

namespace DaiChain.Consensus.Staking;

/// <summary>
/// Weighted round-robin proposer selection by accumulated priority, after CometBFT's proposer-selection procedure
/// (spec/consensus/proposer-selection.md): <c>proposer(h, r)</c> of Algorithm 1.
/// </summary>
/// <remarks>
/// <para>
/// One <em>run</em> of the procedure (1) scales the priorities so that max − min ≤ 2·P, (2) centres them around
/// zero, (3) adds each member's power to its priority, (4) elects the member with the highest priority (ties go to
/// the lower address) and (5) subtracts the total power P from the winner. Over any P consecutive runs with an
/// unchanged committee each member is elected exactly as often as its power.
/// </para>
/// <para>
/// A schedule belongs to one height: <see cref="Proposer"/> is the proposer of round 0 and round <c>r</c> is
/// <c>r</c> further runs (<see cref="ProposerOf"/>). The schedule of the next height is this one advanced by one run
/// after the committee change (<see cref="NextHeight"/>), independent of the round in which the height was decided,
/// so every node derives it from the sequence of committees alone. A member that joins starts at −1.125·P (P of the
/// new committee) so that leaving and re-joining cannot jump the queue.
/// </para>
/// <para>
/// Integer arithmetic only: divisions truncate toward zero, the priority sum is taken in 128 bits, and every other
/// step is checked; <see cref="Committee.MaxTotalPower"/> keeps all values far from overflow.
/// </para>
/// </remarks>
public sealed class ProposerSchedule
{
    private ProposerSchedule(Committee committee, ImmutableArray<long> priorities, int proposer)
    {
        Committee = committee;
        Priorities = priorities;
        Proposer = proposer;
    }

    public Committee Committee { get; }

    /// <summary>Each member's accumulated priority after the run that elected <see cref="Proposer"/>, by index.</summary>
    public ImmutableArray<long> Priorities { get; }

    /// <summary>The index of the round-0 proposer.</summary>
    public int Proposer { get; }

    /// <summary>The schedule of the first height: all priorities zero, then one run.</summary>
    public static ProposerSchedule Genesis(Committee committee)
    {
        var priorities = new long[committee.Count];
        var proposer = Run(committee, priorities);
        return new ProposerSchedule(committee, [.. priorities], proposer);
    }

    /// <summary>Rebuilds a schedule from saved priorities (the driver persists them at each height start).</summary>
    public static ProposerSchedule Restore(Committee committee, ImmutableArray<long> priorities, int proposer)
    {
        if (priorities.Length != committee.Count)
        {
            throw new ArgumentException($"{priorities.Length} priorities for {committee.Count} members", nameof(priorities));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(proposer);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(proposer, committee.Count);
        return new ProposerSchedule(committee, priorities, proposer);
    }

    /// <summary>
    /// The schedule of the next height, whose committee is <paramref name="next"/>: members that stay keep their
    /// priority, members that leave are dropped, members that join start at −(P + P/8); then one run.
    /// </summary>
    public ProposerSchedule NextHeight(Committee next)
    {
        long joinPriority = -checked(next.TotalPower + (next.TotalPower / 8));
        var priorities = new long[next.Count];
        for (var i = 0; i < next.Count; i++)
        {
            var previous = Committee.IndexOf(next.AddressOf(i));
            priorities[i] = previous >= 0 ? Priorities[previous] : joinPriority;
        }

        var proposer = Run(next, priorities);
        return new ProposerSchedule(next, [.. priorities], proposer);
    }

    /// <summary>The proposer index of <paramref name="round"/> at this height: <paramref name="round"/> further runs.</summary>
    /// <remarks>Costs O(round × members); <see cref="ProposerCursor"/> amortises consecutive rounds.</remarks>
    public int ProposerOf(int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        if (round == 0)
        {
            return Proposer;
        }

        var priorities = Priorities.ToArray();
        var proposer = Proposer;
        for (var i = 0; i < round; i++)
        {
            proposer = Run(Committee, priorities);
        }

        return proposer;
    }

    /// <summary>One run of the selection procedure over <paramref name="priorities"/>, in place; returns the winner.</summary>
    internal static int Run(Committee committee, long[] priorities)
    {
        var total = committee.TotalPower;
        var n = priorities.Length;

        // (1) Scale: keep max − min within 2·P so that a member far behind catches up in bounded time.
        long min = long.MaxValue, max = long.MinValue;
        for (var i = 0; i < n; i++)
        {
            min = Math.Min(min, priorities[i]);
            max = Math.Max(max, priorities[i]);
        }

        var window = checked(2 * total);
        var diff = checked(max - min);
        if (diff > window)
        {
            var ratio = (diff + window - 1) / window;
            for (var i = 0; i < n; i++)
            {
                priorities[i] /= ratio;
            }
        }

        // (2) Centre around zero so that joins and leaves cannot drift the priorities toward overflow.
        Int128 sum = 0;
        for (var i = 0; i < n; i++)
        {
            sum += priorities[i];
        }

        var average = (long)(sum / n);
        for (var i = 0; i < n; i++)
        {
            priorities[i] = checked(priorities[i] - average);
        }

        // (3) Every member moves ahead by its power; (4) the highest priority wins, the lower address on a tie.
        var winner = -1;
        for (var i = 0; i < n; i++)
        {
            priorities[i] = checked(priorities[i] + committee.PowerOf(i));
            if (winner < 0 || priorities[i] > priorities[winner]
                || (priorities[i] == priorities[winner] && committee.AddressOf(i) < committee.AddressOf(winner)))
            {
                winner = i;
            }
        }

        // (5) The winner goes to the back of the queue.
        Invariant.Check(winner >= 0, "proposer selection elected nobody");
        priorities[winner] = checked(priorities[winner] - total);
        return winner;
    }
}
