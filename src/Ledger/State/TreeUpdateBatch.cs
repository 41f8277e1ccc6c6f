namespace DaiChain.Ledger.State;

/// <summary>
/// What one tree update produced: the new root, the nodes to store and the nodes it made stale.
/// The tree writes nothing itself; the caller stores this batch atomically with the rest of the block.
/// </summary>
public sealed class TreeUpdateBatch
{
    internal TreeUpdateBatch(ulong version, TreeRoot root, IReadOnlyList<KeyValuePair<NodeKey, TreeNode>> newNodes, IReadOnlyList<NodeKey> staleNodes)
    {
        Version = version;
        Root = root;
        NewNodes = newNodes;
        StaleNodes = staleNodes;
    }

    public ulong Version { get; }

    public TreeRoot Root { get; }

    /// <summary>Nodes written by this version, in a deterministic order.</summary>
    public IReadOnlyList<KeyValuePair<NodeKey, TreeNode>> NewNodes { get; }

    /// <summary>Nodes of earlier versions that this version replaced; they stay readable until pruned.</summary>
    public IReadOnlyList<NodeKey> StaleNodes { get; }
}
