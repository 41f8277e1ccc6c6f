using DaiChain.Ledger.Execution;
using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Registry;

/// <summary>The registry's view of a node's <see cref="ChainStore"/>.</summary>
public sealed class ChainStoreRegistrySource(ChainStore store) : IRegistryStateSource
{
    public string ChainId => store.Meta.ChainId;

    public (ulong Height, IStateReader State) Latest()
    {
        var head = store.Head;
        return (head.Height, head.State);
    }

    public ICommittedState? Committed(ulong? height) =>
        height is { } h ? ChainStoreCommittedState.At(store, h) : ChainStoreCommittedState.AtHead(store);
}
