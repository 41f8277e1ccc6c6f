namespace DaiChain.Node.Gossip;

/// <summary>Bounds of <see cref="MempoolReactor"/>.</summary>
public sealed record GossipOptions
{
    /// <summary>False on audit nodes: gossip is received and ignored, nothing is admitted or sent.</summary>
    public bool Enabled { get; init; } = true;

    public int BatchSize { get; init; } = 512;

    /// <summary>Payload bytes per gossip message at most (a larger single transaction still goes alone).</summary>
    public int BatchBytes { get; init; } = 1024 * 1024;

    public int GossipQueueCapacity { get; init; } = 100_000;

    public int ReceiveQueueCapacity { get; init; } = 100_000;

    /// <summary>The largest message on the mempool channel.</summary>
    public int MaxMessageBytes { get; init; } = 4 * 1024 * 1024;
}
