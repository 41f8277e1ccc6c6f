namespace DaiChain.Consensus.Core;

/// <summary>The three timeouts of Algorithm 1.</summary>
public enum TimeoutKind : byte
{
    /// <summary><c>timeoutPropose</c>, scheduled at line 21, handled at line 57.</summary>
    Propose = 1,

    /// <summary><c>timeoutPrevote</c>, scheduled at line 35, handled at line 61.</summary>
    Prevote = 2,

    /// <summary><c>timeoutPrecommit</c>, scheduled at line 48, handled at line 65.</summary>
    Precommit = 3,
}
