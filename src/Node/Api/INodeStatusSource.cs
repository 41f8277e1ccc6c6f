namespace DaiChain.Node.Api;

/// <summary>What node_status and node_peers report about the running node, read from its parts on each call.</summary>
internal interface INodeStatusSource
{
    NodeStatusView Status();

    IReadOnlyList<PeerView> Peers();
}
