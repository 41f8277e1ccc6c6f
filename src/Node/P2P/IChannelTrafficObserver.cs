namespace DaiChain.Node.P2P;

/// <summary>
/// Told about every message byte the switch moves, for a metrics layer that counts by pushing (Prometheus counters)
/// rather than by reading <see cref="P2PCounters"/>.
/// </summary>
/// <remarks>Called on the peers' send and receive loops: implementations must be cheap, thread-safe and never block.</remarks>
public interface IChannelTrafficObserver
{
    /// <summary><paramref name="bytes"/> of message payload on <paramref name="channel"/> were handed to a socket.</summary>
    void Sent(ChannelId channel, int bytes);

    /// <summary>A complete message of <paramref name="bytes"/> arrived on <paramref name="channel"/>.</summary>
    void Received(ChannelId channel, int bytes);
}
