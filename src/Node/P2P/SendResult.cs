namespace DaiChain.Node.P2P;

/// <summary>The outcome of queuing one message for one peer.</summary>
internal enum SendResult
{
    Queued,

    /// <summary>The channel's queue holds <see cref="ChannelDescriptor.SendQueueCapacity"/> messages.</summary>
    ChannelFull,

    /// <summary>The peer's queued bytes would exceed <see cref="P2POptions.PeerSendQueueBytesMax"/>.</summary>
    PeerBytesFull,

    /// <summary>The peer is disconnecting.</summary>
    Closed,
}
