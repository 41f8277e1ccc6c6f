using DaiChain.Ledger.Chain;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Execution;

/// <summary>An immutable view of the chain as committed at one height; safe to use while later blocks commit.</summary>
public sealed class ChainView : IChainView
{
    private readonly ChainStore _store;

    internal ChainView(ChainStore store, ChainMeta meta, ulong height, BlockHeader? lastHeader, TreeRoot stateRoot, IStateReader state, ITreeNodeReader nodes)
    {
        _store = store;
        ChainId = meta.ChainId;
        GenesisTimeMs = meta.GenesisTimeMs;
        ConsensusParams = meta.ConsensusParams;
        Height = height;
        LastHeader = lastHeader;
        StateRoot = stateRoot;
        State = state;
        TreeNodes = nodes;
    }

    public string ChainId { get; }

    public ulong Height { get; }

    public BlockHeader? LastHeader { get; }

    public long GenesisTimeMs { get; }

    public ConsensusParams ConsensusParams { get; }

    public TreeRoot StateRoot { get; }

    public IStateReader State { get; }

    public ITreeNodeReader TreeNodes { get; }

    public ValidatorSet? GetValidatorSet(ulong height) =>
        height == 0 || height > Height + 2 ? null : _store.GetValidatorSet(height);
}
