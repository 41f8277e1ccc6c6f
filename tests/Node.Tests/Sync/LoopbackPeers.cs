using System.Collections.Concurrent;
using System.Net;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.Sync;

/// <summary>An in-process network for reactor tests: a send on one side is a receive on the other, on the sender's thread.</summary>
public sealed class LoopbackNetwork : IPeerNetwork
{
    private readonly List<IPeer> _peers = [];

    public IReadOnlyList<IPeer> Peers => _peers;

    public ConcurrentQueue<(IPeer Peer, string Reason)> Misbehaviour { get; } = new();

    public void Add(IPeer peer) => _peers.Add(peer);

    public int Broadcast(ChannelId channel, ReadOnlyMemory<byte> message) => _peers.Count(p => p.TrySend(channel, message));

    public void ReportMisbehavior(IPeer peer, string reason) => Misbehaviour.Enqueue((peer, reason));
}

/// <summary>One side of a loopback connection: sending delivers to <see cref="Deliver"/>.</summary>
public sealed class LoopbackPeer(PeerId id, int port) : IPeer
{
    public PeerId Id { get; } = id;

    public IPEndPoint RemoteEndPoint { get; } = new(IPAddress.Loopback, port);

    public bool IsOutbound => true;

    public bool IsPersistent => true;

    public bool IsConnected => true;

    /// <summary>Where sends go: the remote reactor's receive, as the remote sees this peer.</summary>
    public Action<ChannelId, ReadOnlyMemory<byte>>? Deliver { get; set; }

    public bool TrySend(ChannelId channel, ReadOnlyMemory<byte> message)
    {
        Deliver?.Invoke(channel, message.ToArray());
        return true;
    }

    public override string ToString() => Id.ToShortString();
}
