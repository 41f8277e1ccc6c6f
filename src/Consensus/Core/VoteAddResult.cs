namespace DaiChain.Consensus.Core;

/// <summary>What happened to a vote offered to a <see cref="VoteKeeper{TSigned}"/>.</summary>
public enum VoteAddResult : byte
{
    /// <summary>First vote of this validator for this round and kind: counted.</summary>
    Added = 1,

    /// <summary>The same vote was already counted (gossip delivers votes more than once).</summary>
    Duplicate = 2,

    /// <summary>
    /// A different vote of the same validator for the same round and kind: equivocation. Counted for its value
    /// (see <see cref="VoteTally{TSigned}"/>), and reported with the validator's first vote as evidence.
    /// </summary>
    Conflict = 3,

    /// <summary>Outside the accepted window (a round too far ahead, an unknown validator): not counted.</summary>
    Rejected = 4,
}
