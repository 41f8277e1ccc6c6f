using System.Collections.Concurrent;

namespace DaiChain.Ledger.State;

/// <summary>
/// Tree nodes held in memory, with the stale-node index that pruning uses. For tests, benchmarks and
/// short-lived trees (a genesis root computed before any store exists).
/// </summary>
public sealed class MemoryTreeNodeStore : ITreeNodeReader
{
    private readonly ConcurrentDictionary<NodeKey, TreeNode> _nodes = new();
    private readonly List<(ulong StaleSince, NodeKey Key)> _stale = [];
    private readonly Lock _gate = new();

    public int Count => _nodes.Count;

    public TreeNode? TryGetNode(NodeKey key) => _nodes.TryGetValue(key, out var node) ? node : null;

    /// <summary>Stores the batch's new nodes and remembers its stale ones for <see cref="PruneUpTo"/>.</summary>
    public void Apply(TreeUpdateBatch batch)
    {
        foreach (var (key, node) in batch.NewNodes)
        {
            _nodes[key] = node;
        }

        lock (_gate)
        {
            foreach (var key in batch.StaleNodes)
            {
                _stale.Add((batch.Version, key));
            }
        }
    }

    /// <summary>Deletes nodes made stale by versions up to <paramref name="version"/>; roots after it stay whole.</summary>
    public int PruneUpTo(ulong version)
    {
        lock (_gate)
        {
            var removed = 0;
            var kept = new List<(ulong, NodeKey)>();
            foreach (var (since, key) in _stale)
            {
                if (since <= version)
                {
                    removed += _nodes.TryRemove(key, out _) ? 1 : 0;
                }
                else
                {
                    kept.Add((since, key));
                }
            }

            _stale.Clear();
            _stale.AddRange(kept);
            return removed;
        }
    }
}
