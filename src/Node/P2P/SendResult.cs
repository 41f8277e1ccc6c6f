namespace DaiChain.Node.P2P;

/// <summary>The outcome of queuing one message for one peer.</summary>
internal enum SendResult
{
    Queued,

    /// <summary>The channel's queue holds <see cref="ChannelDescriptor.SendQueueCapacity"/> messages.</summary>
    ChannelFull,

    /// <summary>The channel's queued bytes would exceed <see cref="ChannelDescriptor.SendQueueBytesMax"/>.</summary>
    ChannelBytesFull,

    /// <summary>The peer is disconnecting.</summary>
    Closed,
}
