using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.ModelRegistry.Queries;

/// <summary>A committed height of a <see cref="ChainStore"/> as an <see cref="ICommittedState"/>.</summary>
public sealed class ChainStoreCommittedState : ICommittedState
{
    private readonly ChainStore _store;

    private ChainStoreCommittedState(ChainStore store, BlockHeader header, IStateReader state)
    {
        _store = store;
        Header = header;
        State = state;
        BlockHash = header.Hash();
    }

    public BlockHeader Header { get; }

    public string ChainId => Header.ChainId;

    public ulong Height => Header.Height;

    public Hash256 BlockHash { get; }

    public Hash256 StateRoot => Header.StateRoot;

    public long BlockTimeMs => Header.TimeMs;

    public IStateReader State { get; }

    /// <summary>The state after block <paramref name="height"/>; null before the first block, beyond the head, or when pruned.</summary>
    public static ChainStoreCommittedState? At(ChainStore store, ulong height)
    {
        if (height == 0 || height > store.Height)
        {
            return null;
        }

        var header = store.GetHeader(height);
        var state = store.GetState(height);
        return header is null || state is null ? null : new ChainStoreCommittedState(store, header, state);
    }

    /// <summary>The state after the last committed block; null before the first block.</summary>
    public static ChainStoreCommittedState? AtHead(ChainStore store) => At(store, store.Height);

    public StateProof Prove(Hash256 keyHash) =>
        _store.Prove(Height, keyHash) ?? throw new InvalidOperationException($"the state of height {Height} was pruned while a report was being built");
}
