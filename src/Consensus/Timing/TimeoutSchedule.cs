using DaiChain.Consensus.Core;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Timing;

/// <summary>
/// The durations of Algorithm 1's timeouts: <c>timeoutX(r) = initTimeoutX + r · timeoutDelta</c> (section 2 of the
/// paper), so that after GST some round is long enough for correct processes to hear each other. Reset per height.
/// </summary>
/// <remarks>Growth is capped at <see cref="Max"/> so that a very high round cannot overflow or stall for days.</remarks>
public sealed record TimeoutSchedule
{
    public TimeSpan ProposeBase { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.ProposeTimeoutMs);

    public TimeSpan ProposeDelta { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.ProposeTimeoutDeltaMs);

    public TimeSpan PrevoteBase { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.PrevoteTimeoutMs);

    public TimeSpan PrevoteDelta { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.PrevoteTimeoutDeltaMs);

    public TimeSpan PrecommitBase { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.PrecommitTimeoutMs);

    public TimeSpan PrecommitDelta { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.PrecommitTimeoutDeltaMs);

    /// <summary>No timeout is longer than this.</summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The default schedule: the chain's default consensus parameters.</summary>
    public static TimeoutSchedule Default { get; } = new();

    /// <summary>The schedule a chain's genesis fixes.</summary>
    public static TimeoutSchedule From(ConsensusParams parameters) => new()
    {
        ProposeBase = TimeSpan.FromMilliseconds(parameters.ProposeTimeoutMs),
        ProposeDelta = TimeSpan.FromMilliseconds(parameters.ProposeTimeoutDeltaMs),
        PrevoteBase = TimeSpan.FromMilliseconds(parameters.PrevoteTimeoutMs),
        PrevoteDelta = TimeSpan.FromMilliseconds(parameters.PrevoteTimeoutDeltaMs),
        PrecommitBase = TimeSpan.FromMilliseconds(parameters.PrecommitTimeoutMs),
        PrecommitDelta = TimeSpan.FromMilliseconds(parameters.PrecommitTimeoutDeltaMs),
    };

    /// <summary><c>timeoutX(round)</c>.</summary>
    public TimeSpan Duration(TimeoutKind kind, int round)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(round);
        var (initial, delta) = kind switch
        {
            TimeoutKind.Propose => (ProposeBase, ProposeDelta),
            TimeoutKind.Prevote => (PrevoteBase, PrevoteDelta),
            TimeoutKind.Precommit => (PrecommitBase, PrecommitDelta),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown timeout"),
        };

        // Ticks are 100 ns: a round of 2^31 times a delta of minutes still fits in 128 bits before the cap.
        var ticks = (Int128)initial.Ticks + ((Int128)round * delta.Ticks);
        return ticks >= Max.Ticks ? Max : TimeSpan.FromTicks((long)ticks);
    }
}
