using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>One running switch of a <see cref="TestNetwork"/>.</summary>
public sealed record TestNode(int Index, INodeIdentity Identity, P2PSwitch Switch, RecordingReactor Reactor, ListLogger<P2PSwitch> Logger)
{
    public PeerId Id => Identity.Id;

    public PeerAddress Address => new(Id, "127.0.0.1", Switch.ListenEndPoint!.Port);

    public bool IsConnectedTo(TestNode other) => Switch.TryGetPeer(other.Id, out _);

    public IPeer PeerFor(TestNode other) =>
        Switch.TryGetPeer(other.Id, out var peer) ? peer : throw new InvalidOperationException($"node {Index} is not connected to node {other.Index}");
}
