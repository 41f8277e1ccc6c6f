using DaiChain.Ledger.Network;
using DaiChain.Ledger.State;
using DaiChain.Node.Chain;
using DaiChain.Node.P2P;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Hosting;

/// <summary>
/// Keeps the P2P switch's admitted node keys equal to the chain's node registry: when a block changes the
/// registry (governance adds or removes a node), the authorizer is replaced and peers no longer admitted are dropped.
/// </summary>
public sealed class NodeRegistryWatcher : ICommitObserver
{
    private readonly NodeRegistryAuthorizer _authorizer;
    private readonly Func<P2PSwitch?> _switch;
    private readonly ILogger _logger;

    public NodeRegistryWatcher(NodeRegistryAuthorizer authorizer, Func<P2PSwitch?> p2pSwitch, ILogger<NodeRegistryWatcher> logger)
    {
        _authorizer = authorizer;
        _switch = p2pSwitch;
        _logger = logger;
    }

    /// <summary>The admitted node keys in <paramref name="state"/>.</summary>
    public static IEnumerable<PeerId> Admitted(IStateReader state) =>
        NetworkNodeState.GetAll(state).Select(n => PeerId.FromPublicKey(n.NodePublicKey));

    public void OnCommitted(BlockCommitted committed)
    {
        var key = NetworkNodeState.Key;
        if (!committed.Result.StateChanges.Any(c => c.Key == key))
        {
            return;
        }

        var admitted = Admitted(committed.Head.State).ToList();
        _authorizer.Replace(admitted);
        _switch()?.RevalidatePeers();
        _logger.LogInformation("the node registry changed at height {Height}: {Count} nodes admitted", committed.Block.Height, admitted.Count);
    }
}
