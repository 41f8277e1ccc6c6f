using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Network;

/// <summary>The admitted network nodes, one state entry <c>nodes/registry</c>: a list sorted by node id.</summary>
public static class NetworkNodeState
{
    public const int MaxNodes = 256;

    private static readonly Hash256 RegistryKey = StateKeys.For("nodes", "registry");

    public static Hash256 Key => RegistryKey;

    public static IReadOnlyList<NetworkNode> GetAll(IStateReader state)
    {
        var bytes = state.Get(RegistryKey);
        if (bytes is null)
        {
            return [];
        }

        var reader = new CanonicalReader(bytes);
        var nodes = reader.ReadList("nodes", MaxNodes, NetworkNode.Decode);
        reader.EnsureEnd("nodes");
        for (var i = 1; i < nodes.Length; i++)
        {
            if (nodes[i - 1].NodeId.CompareTo(nodes[i].NodeId) >= 0)
            {
                throw new CodecException("nodes", 0, "nodes must be sorted by node id without repeats");
            }
        }

        return nodes;
    }

    public static NetworkNode? Find(IStateReader state, Address nodeId) => GetAll(state).FirstOrDefault(n => n.NodeId == nodeId);

    /// <summary>Adds a node; false when its id is already listed.</summary>
    /// <exception cref="InvalidOperationException">The registry is full.</exception>
    public static bool Add(IStateAccess state, NetworkNode node)
    {
        var nodes = GetAll(state).ToList();
        if (nodes.Any(n => n.NodeId == node.NodeId))
        {
            return false;
        }

        if (nodes.Count >= MaxNodes)
        {
            throw new InvalidOperationException($"the network admits at most {MaxNodes} nodes");
        }

        nodes.Add(node);
        Put(state, nodes);
        return true;
    }

    /// <summary>Removes a node; false when it is not listed.</summary>
    public static bool Remove(IStateAccess state, Address nodeId)
    {
        var nodes = GetAll(state).ToList();
        var removed = nodes.RemoveAll(n => n.NodeId == nodeId) > 0;
        if (removed)
        {
            Put(state, nodes);
        }

        return removed;
    }

    private static void Put(IStateAccess state, List<NetworkNode> nodes)
    {
        if (nodes.Count == 0)
        {
            state.Delete(RegistryKey);
            return;
        }

        nodes.Sort((a, b) => a.NodeId.CompareTo(b.NodeId));
        var writer = new CanonicalWriter(16 + (nodes.Count * 100));
        try
        {
            writer.WriteList(nodes, MaxNodes, static (ref CanonicalWriter w, NetworkNode n) => n.Encode(ref w));
            state.Set(RegistryKey, writer.ToArray());
        }
        finally
        {
            writer.Dispose();
        }
    }
}
