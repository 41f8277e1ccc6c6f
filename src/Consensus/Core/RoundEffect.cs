using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>What the driver must do after a transition: the broadcasts, schedules and decisions of Algorithm 1.</summary>
public abstract record RoundEffect
{
    private RoundEffect()
    {
    }

    /// <summary>Line 18: ask the application for a new value to propose; answered by <see cref="RoundInput.ValueReady"/>.</summary>
    public sealed record GetValue(long Height, int Round) : RoundEffect;

    /// <summary>Line 19: sign and broadcast <c>⟨PROPOSAL, h, round, value, validRound⟩</c>.</summary>
    public sealed record Propose(long Height, int Round, Hash256 Value, int ValidRound) : RoundEffect;

    /// <summary>Lines 24, 26, 30, 32, 40, 45, 59, 63: sign and broadcast a vote; <paramref name="Value"/> null is nil.</summary>
    public sealed record Vote(VoteType Kind, long Height, int Round, Hash256? Value) : RoundEffect;

    /// <summary>Lines 21, 35, 48: schedule <c>OnTimeoutX(height, round)</c> after <c>timeoutX(round)</c>.</summary>
    public sealed record ScheduleTimeout(TimeoutKind Kind, long Height, int Round) : RoundEffect;

    /// <summary>Line 51: <c>decision_p[h_p] = v</c>, decided by the precommits of <paramref name="Round"/>.</summary>
    public sealed record Decide(long Height, int Round, Hash256 Value) : RoundEffect;

    /// <summary>Lines 11-13: a round started (informational: the driver re-targets gossip and stale-timeout filters).</summary>
    public sealed record RoundStarted(long Height, int Round) : RoundEffect;
}
