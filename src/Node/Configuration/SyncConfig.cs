namespace DaiChain.Node.Configuration;

/// <summary>The <c>sync</c> section: block download for new, lagging and audit nodes.</summary>
public sealed class SyncConfig
{
    /// <summary>Blocks requested ahead of the local height at once.</summary>
    public int Window { get; set; } = 32;

    /// <summary>A block request unanswered this long goes to another peer.</summary>
    public int RequestTimeoutMs { get; set; } = 5_000;

    /// <summary>How often a node tells its peers its height (also on every commit).</summary>
    public int StatusIntervalMs { get; set; } = 1_000;

    /// <summary>At start, how long a validator waits to hear a peer's height before it joins consensus anyway.</summary>
    public int StartupWaitMs { get; set; } = 3_000;
}
