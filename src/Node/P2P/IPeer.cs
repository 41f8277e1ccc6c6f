using System.Net;

namespace DaiChain.Node.P2P;

/// <summary>An authenticated, connected peer as reactors see it.</summary>
public interface IPeer
{
    /// <summary>The peer's node key, proven in the handshake.</summary>
    PeerId Id { get; }

    /// <summary>The remote socket address.</summary>
    IPEndPoint RemoteEndPoint { get; }

    /// <summary>True if this node dialed the connection.</summary>
    bool IsOutbound { get; }

    /// <summary>True if the peer is one of the configured persistent peers (redialed when lost).</summary>
    bool IsPersistent { get; }

    /// <summary>False once the connection is closing; sends are then refused.</summary>
    bool IsConnected { get; }

    /// <summary>
    /// Queues <paramref name="message"/> on <paramref name="channel"/> without blocking. Returns false, and drops the
    /// message, if the channel's send queue for this peer is full (in messages or bytes) or the peer is
    /// disconnected; gossip protocols resend what a peer lacks, so a drop is never a protocol error.
    /// </summary>
    /// <remarks>
    /// The transport keeps a reference to <paramref name="message"/> until it is written: the caller must not modify
    /// the buffer afterwards (a broadcast shares one buffer between all peers).
    /// </remarks>
    /// <exception cref="ArgumentException">The message is larger than the channel's <see cref="ChannelDescriptor.MaxMessageBytes"/>, or no reactor serves the channel.</exception>
    bool TrySend(ChannelId channel, ReadOnlyMemory<byte> message);
}
