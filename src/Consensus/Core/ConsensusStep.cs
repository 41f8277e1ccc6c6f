namespace DaiChain.Consensus.Core;

/// <summary>The step of a height's current round (<c>step_p</c> in Algorithm 1), plus the two ends of a height.</summary>
/// <remarks>
/// The numeric order is the order in which a round moves through its steps; the signer's double-sign guard and
/// the <c>step_p ≥ prevote</c> test of line 36 rely on it.
/// </remarks>
public enum ConsensusStep : byte
{
    /// <summary>The height's machine exists but <c>StartRound(0)</c> (line 10) has not run yet.</summary>
    Unstarted = 0,

    /// <summary><c>step_p = propose</c>: waiting for the round's proposal (lines 13, 22, 28, 57).</summary>
    Propose = 1,

    /// <summary><c>step_p = prevote</c>: this process has prevoted in the round (lines 27, 33, 60).</summary>
    Prevote = 2,

    /// <summary><c>step_p = precommit</c>: this process has precommitted in the round (lines 41, 46, 64).</summary>
    Precommit = 3,

    /// <summary>A value was decided for the height (line 51); the height accepts no further input.</summary>
    Commit = 4,
}
