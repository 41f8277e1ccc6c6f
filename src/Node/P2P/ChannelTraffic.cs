namespace DaiChain.Node.P2P;

/// <summary>A snapshot of one channel's counters, summed over all peers since the switch started.</summary>
/// <param name="Channel">The channel.</param>
/// <param name="MessagesSent">Messages whose last fragment was handed to the socket.</param>
/// <param name="BytesSent">Message bytes handed to the socket (payload only, without frame headers, tags or length prefixes).</param>
/// <param name="MessagesReceived">Complete messages handed to the reactor.</param>
/// <param name="BytesReceived">Message bytes received.</param>
/// <param name="MessagesDropped">Sends refused because a queue was full or the peer was disconnecting.</param>
public readonly record struct ChannelTraffic(
    ChannelId Channel,
    long MessagesSent,
    long BytesSent,
    long MessagesReceived,
    long BytesReceived,
    long MessagesDropped);
