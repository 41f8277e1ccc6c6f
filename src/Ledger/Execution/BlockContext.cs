using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Execution;

/// <summary>The block being executed, as handlers see it.</summary>
public sealed class BlockContext
{
    public required string ChainId { get; init; }

    public required ulong Height { get; init; }

    /// <summary>The block's header time (Unix ms): the only clock execution may read.</summary>
    public required long TimeMs { get; init; }

    public required Address ProposerAddress { get; init; }

    /// <summary>The validator set of this height (the one that signs this block).</summary>
    public required ValidatorSet Validators { get; init; }

    public required ChainRules Rules { get; init; }
}
