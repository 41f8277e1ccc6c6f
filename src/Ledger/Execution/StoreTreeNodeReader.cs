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
        if (_cache.Count >= _capacity)
        {
            _cache.Clear();
        }

        _cache[key] = node;
    }

    public void Forget(NodeKey key) => _cache.TryRemove(key, out _);
}
