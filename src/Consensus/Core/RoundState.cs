using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// The process-local variables of Algorithm 1 for one height (lines 1-9): <c>round_p</c>, <c>step_p</c>,
/// <c>lockedValue_p</c>, <c>lockedRound_p</c>, <c>validValue_p</c>, <c>validRound_p</c> and <c>decision_p[h_p]</c>.
/// </summary>
/// <remarks>
/// Values are represented by their id (<c>id(v)</c>, the block hash); <see langword="null"/> is <c>nil</c>.
/// The record is immutable: <see cref="RoundMachine"/>.Apply returns a new one. <c>h_p := h_p + 1</c> (line 52)
/// is not a field update here: a decided height stays in <see cref="ConsensusStep.Commit"/> and the driver starts
/// a fresh <see cref="RoundState"/> for the next height, which is exactly the reset of line 53.
/// </remarks>
public sealed record RoundState
{
    private RoundState(long height)
    {
        Height = height;
    }

    /// <summary><c>h_p</c>.</summary>
    public long Height { get; }

    /// <summary><c>round_p</c>; -1 before <c>StartRound(0)</c>.</summary>
    public int Round { get; init; } = -1;

    /// <summary><c>step_p</c>.</summary>
    public ConsensusStep Step { get; init; } = ConsensusStep.Unstarted;

    /// <summary><c>lockedValue_p</c>.</summary>
    public Hash256? LockedValue { get; init; }

    /// <summary><c>lockedRound_p</c>.</summary>
    public int LockedRound { get; init; } = -1;

    /// <summary><c>validValue_p</c>.</summary>
    public Hash256? ValidValue { get; init; }

    /// <summary><c>validRound_p</c>.</summary>
    public int ValidRound { get; init; } = -1;

    /// <summary><c>decision_p[h_p]</c>.</summary>
    public Hash256? Decision { get; init; }

    /// <summary>The round in which <see cref="Decision"/> was reached; -1 while undecided.</summary>
    public int DecisionRound { get; init; } = -1;

    /// <summary>Lines 1-9 for height <paramref name="height"/>: round -1 until line 10 runs, nothing locked or valid.</summary>
    public static RoundState Initial(long height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        return new RoundState(height);
    }
}
