namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>Where a subscription's notifications go: a WebSocket connection's bounded send queue.</summary>
internal interface ISubscriber
{
    /// <summary>
    /// Queues one complete notification message without waiting. False when the subscriber cannot take it
    /// (its queue is full or it is closing); the subscriber then deals with its own overflow.
    /// </summary>
    bool TryDeliver(byte[] message);
}
