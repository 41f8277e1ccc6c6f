namespace DaiChain.Node.Sync;

/// <summary>Settings of <see cref="BlockSyncReactor"/> (the config's <c>sync</c> section, plus the message bound).</summary>
public sealed record SyncOptions
{
    /// <summary>Blocks requested ahead of the local height at once; also bounds the blocks held before they apply.</summary>
    public int Window { get; init; } = 32;

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan StatusInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The largest block sync message (a block and its certificate).</summary>
    public int MaxMessageBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>Requests from peers waiting to be served, at most; more are dropped (the peer asks again).</summary>
    public int ServeQueueCapacity { get; init; } = 256;

    /// <summary>Responses and wake-ups waiting for the sync loop, at most.</summary>
    public int InputQueueCapacity { get; init; } = 1024;
}
