using DaiChain.Ledger.Chain;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Execution;

/// <summary>The committed chain as the executor needs it: the last block, its state, and validator sets by height.</summary>
public interface IChainView
{
    string ChainId { get; }

    /// <summary>The height of the last committed block; 0 before the first block (only genesis state).</summary>
    ulong Height { get; }

    /// <summary>The last committed header; null at height 0.</summary>
    BlockHeader? LastHeader { get; }

    /// <summary>Genesis time (Unix ms): the first block's time must not be earlier.</summary>
    long GenesisTimeMs { get; }

    ConsensusParams ConsensusParams { get; }

    /// <summary>The state tree root after the last committed block (version <see cref="Height"/>).</summary>
    TreeRoot StateRoot { get; }

    /// <summary>State values as of <see cref="Height"/>.</summary>
    IStateReader State { get; }

    ITreeNodeReader TreeNodes { get; }

    /// <summary>The validator set of <paramref name="height"/>, known up to <see cref="Height"/> + 2; null beyond or before 1.</summary>
    ValidatorSet? GetValidatorSet(ulong height);
}
