namespace DaiChain.Consensus.Core;

/// <summary>The two vote messages of Algorithm 1.</summary>
public enum VoteKind : byte
{
    /// <summary><c>⟨PREVOTE, h, r, id(v) | nil⟩</c>.</summary>
    Prevote = 1,

    /// <summary><c>⟨PRECOMMIT, h, r, id(v) | nil⟩</c>.</summary>
    Precommit = 2,
}
