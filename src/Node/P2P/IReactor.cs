namespace DaiChain.Node.P2P;

/// <summary>
/// A subsystem served by the network on its own channels (consensus, mempool, block sync, artifacts, status):
/// the switch tells it about peers and hands it the messages received on its channels; it sends with
/// <see cref="IPeer.TrySend"/> and <see cref="IPeerNetwork.Broadcast"/>.
/// </summary>
/// <remarks>
/// Threading contract: <see cref="AddPeer"/> is called before any <see cref="Receive"/> from that peer and
/// <see cref="RemovePeer"/> after the last. <see cref="Receive"/> runs on the peer's receive loop, one message at a
/// time per peer and concurrently across peers; it must not block (hand the message to the reactor's own bounded
/// queue), because while it runs nothing else is read from that peer. A reactor that finds a message invalid calls
/// <see cref="IPeerNetwork.ReportMisbehavior"/>; an exception thrown from a callback is logged and disconnects the
/// peer (without a ban: it is a bug here, not proof against the peer).
/// </remarks>
public interface IReactor
{
    /// <summary>The channels this reactor serves, each with its queue bounds and priority.</summary>
    IReadOnlyList<ChannelDescriptor> Channels { get; }

    /// <summary>A peer finished the handshake and is ready to send to.</summary>
    void AddPeer(IPeer peer);

    /// <summary>The peer is gone (<paramref name="reason"/> says why); sends to it are refused from now on.</summary>
    void RemovePeer(IPeer peer, string reason);

    /// <summary>
    /// A complete message arrived on one of this reactor's channels. <paramref name="message"/> is owned by the
    /// reactor (a fresh buffer it may keep).
    /// </summary>
    void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message);
}
