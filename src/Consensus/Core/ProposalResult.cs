namespace DaiChain.Consensus.Core;

/// <summary>What happened to a proposal offered to a <see cref="HeightMachine{TSigned}"/>.</summary>
public enum ProposalResult : byte
{
    /// <summary>Stored; the rules of Algorithm 1 were evaluated against it.</summary>
    Accepted = 1,

    /// <summary>Already stored.</summary>
    Duplicate = 2,

    /// <summary>The round's proposer already proposed something else: equivocation. Kept (once) for its value.</summary>
    Conflict = 3,

    /// <summary>Not from the round's proposer, a malformed valid round, or a round outside the window.</summary>
    Rejected = 4,
}
