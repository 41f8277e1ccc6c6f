namespace DaiChain.Node.P2P;

/// <summary>
/// Counters of the P2P layer for the metrics endpoint: traffic per channel, connection outcomes and bans. Every
/// counter only grows; reads are lock-free and may be taken at any time from any thread.
/// </summary>
public sealed class P2PCounters
{
    private readonly IChannelTrafficObserver? _observer;
    private readonly long[,] _traffic = new long[256, 5];
    private readonly long[] _handshakeFailures = new long[Enum.GetValues<HandshakeFailure>().Length];
    private long _connectionsAccepted;
    private long _connectionsDialed;
    private long _peersDisconnected;
    private long _protocolViolations;
    private long _bans;
    private long _connectionsRejectedAtAccept;

    /// <param name="observer">Also told about every message byte, for push-style metrics; optional.</param>
    public P2PCounters(IChannelTrafficObserver? observer = null)
    {
        _observer = observer;
    }

    private enum Slot
    {
        MessagesSent,
        BytesSent,
        MessagesReceived,
        BytesReceived,
        MessagesDropped,
    }

    /// <summary>Inbound TCP connections that reached the handshake.</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    /// <summary>Outbound TCP connections that reached the handshake.</summary>
    public long ConnectionsDialed => Interlocked.Read(ref _connectionsDialed);

    /// <summary>Inbound connections closed on accept because <see cref="P2POptions.MaxPendingHandshakes"/> were in progress.</summary>
    public long ConnectionsRejectedAtAccept => Interlocked.Read(ref _connectionsRejectedAtAccept);

    /// <summary>Authenticated peers that have disconnected, for any reason.</summary>
    public long PeersDisconnected => Interlocked.Read(ref _peersDisconnected);

    /// <summary>Authenticated peers dropped for breaking the frame protocol (bad MAC, malformed or oversize frames).</summary>
    public long ProtocolViolations => Interlocked.Read(ref _protocolViolations);

    /// <summary>Bans imposed.</summary>
    public long Bans => Interlocked.Read(ref _bans);

    /// <summary>Handshakes that failed for <paramref name="failure"/>.</summary>
    public long HandshakeFailures(HandshakeFailure failure) => Interlocked.Read(ref _handshakeFailures[(int)failure]);

    /// <summary>The counters of one channel.</summary>
    public ChannelTraffic Traffic(ChannelId channel)
    {
        var c = (byte)channel;
        return new ChannelTraffic(
            channel,
            Interlocked.Read(ref _traffic[c, (int)Slot.MessagesSent]),
            Interlocked.Read(ref _traffic[c, (int)Slot.BytesSent]),
            Interlocked.Read(ref _traffic[c, (int)Slot.MessagesReceived]),
            Interlocked.Read(ref _traffic[c, (int)Slot.BytesReceived]),
            Interlocked.Read(ref _traffic[c, (int)Slot.MessagesDropped]));
    }

    /// <summary>The counters of every defined channel, in channel order.</summary>
    public IReadOnlyList<ChannelTraffic> AllTraffic() => Enum.GetValues<ChannelId>().Select(Traffic).ToArray();

    internal void FragmentSent(ChannelId channel, int bytes, bool isLast)
    {
        Interlocked.Add(ref _traffic[(byte)channel, (int)Slot.BytesSent], bytes);
        _observer?.Sent(channel, bytes);
        if (isLast)
        {
            Interlocked.Increment(ref _traffic[(byte)channel, (int)Slot.MessagesSent]);
        }
    }

    internal void MessageReceived(ChannelId channel, int bytes)
    {
        Interlocked.Increment(ref _traffic[(byte)channel, (int)Slot.MessagesReceived]);
        Interlocked.Add(ref _traffic[(byte)channel, (int)Slot.BytesReceived], bytes);
        _observer?.Received(channel, bytes);
    }

    internal void MessageDropped(ChannelId channel) => Interlocked.Increment(ref _traffic[(byte)channel, (int)Slot.MessagesDropped]);

    internal void HandshakeFailed(HandshakeFailure failure) => Interlocked.Increment(ref _handshakeFailures[(int)failure]);

    internal void ConnectionAccepted() => Interlocked.Increment(ref _connectionsAccepted);

    internal void ConnectionDialed() => Interlocked.Increment(ref _connectionsDialed);

    internal void ConnectionRejectedAtAccept() => Interlocked.Increment(ref _connectionsRejectedAtAccept);

    internal void PeerDisconnected() => Interlocked.Increment(ref _peersDisconnected);

    internal void ProtocolViolation() => Interlocked.Increment(ref _protocolViolations);

    internal void Banned() => Interlocked.Increment(ref _bans);
}
