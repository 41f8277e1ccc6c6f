using DaiChain.Ledger.State;
using DaiChain.ModelRegistry.Queries;

namespace DaiChain.Node.Registry;

/// <summary>What the registry's RPC methods need from the node: the latest state, and committed heights with proofs.</summary>
public interface IRegistryStateSource
{
    string ChainId { get; }

    /// <summary>The state after the last committed block (the genesis state before the first block) and its height.</summary>
    (ulong Height, IStateReader State) Latest();

    /// <summary>The state after block <paramref name="height"/> (the head when null), with proofs; null before the first block, beyond the head, or when pruned.</summary>
    ICommittedState? Committed(ulong? height);
}
