namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>How a byzantine validator misbehaves; each is made by wrapping a port of an otherwise honest node.</summary>
public enum ByzantineKind
{
    /// <summary>Sends two different proposals (two blocks) to the two halves of its peers.</summary>
    EquivocatingProposer = 1,

    /// <summary>Signs a second, conflicting vote for each vote and splits them between the halves of its peers.</summary>
    DoubleVoter = 2,

    /// <summary>Sends nothing.</summary>
    Silent = 3,

    /// <summary>Proposes blocks that fail validation (a broken link to the previous block).</summary>
    InvalidBlockProposer = 4,
}
