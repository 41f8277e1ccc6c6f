using System.Collections.Concurrent;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Execution;

/// <summary>Tree nodes from the <c>state_nodes</c> column, behind a bounded cache (nodes are immutable once written).</summary>
internal sealed class StoreTreeNodeReader : ITreeNodeReader
{
    private readonly IKeyValueReader _store;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<NodeKey, TreeNode> _cache = new();

    // Entries added since the last clear; ConcurrentDictionary.Count would take every bucket lock on each call.
    private int _count;

    public StoreTreeNodeReader(IKeyValueReader store, int capacity)
    {
        _store = store;
        _capacity = Math.Max(capacity, 1024);
    }

    public TreeNode? TryGetNode(NodeKey key)
    {
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        Span<byte> keyBytes = stackalloc byte[NodeKey.MaxEncodedSize];
        var length = key.Encode(keyBytes);
        if (!_store.TryGet(ChainColumns.StateNodes, keyBytes[..length], out var bytes))
        {
            return null;
        }

        var node = TreeNode.Decode(bytes);
        Remember(key, node);
        return node;
    }

    /// <summary>Caches nodes just written by a commit (the next block reads them first).</summary>
    public void Remember(NodeKey key, TreeNode node)
    {
        if (Volatile.Read(ref _count) >= _capacity)
        {
            _cache.Clear();
            Volatile.Write(ref _count, 0);
        }

        // A node never changes once written, so an entry already present is the same node.
        if (_cache.TryAdd(key, node))
        {
            Interlocked.Increment(ref _count);
        }
    }

    public void Forget(NodeKey key)
    {
        if (_cache.TryRemove(key, out _))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
