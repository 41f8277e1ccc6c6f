using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// The derived data a node stored beside its blocks — versioned state values, tree nodes, state roots, indexes —
/// read raw, so that an auditor who re-executed a block can compare, byte for byte, what the node kept.
/// </summary>
/// <remarks>Every method returns null for an absent entry; callers decide whether absence is allowed (pruning).</remarks>
public interface IStoredState
{
    /// <summary>The oldest version whose state the node still keeps (older tree nodes and values may be pruned).</summary>
    ulong OldestStateVersion { get; }

    /// <summary>
    /// The raw entry of <paramref name="keyHash"/> written at exactly <paramref name="version"/>: <c>0x01 ‖ value</c>,
    /// or <c>0x00</c> when the key was deleted then (docs/spec/state.md).
    /// </summary>
    byte[]? GetStateValue(Hash256 keyHash, ulong version);

    /// <summary>The encoding of the tree node at <paramref name="key"/>.</summary>
    byte[]? GetTreeNode(NodeKey key);

    /// <summary>The encoding of the tree root of <paramref name="version"/>.</summary>
    byte[]? GetStateRoot(ulong version);

    /// <summary>The height the block-hash index gives for <paramref name="blockHash"/>.</summary>
    ulong? FindBlockHeight(Hash256 blockHash);

    /// <summary>The (height, index) the transaction index gives for <paramref name="transactionHash"/>.</summary>
    (ulong Height, int Index)? FindTransaction(Hash256 transactionHash);

    /// <summary>The node's current state (its head), ascending by key hash.</summary>
    IEnumerable<KeyValuePair<Hash256, byte[]>> LatestState();
}
