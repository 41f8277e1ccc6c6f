namespace DaiChain.Ledger.Execution;

/// <summary>Tuning of a <see cref="ChainStore"/>.</summary>
public sealed record ChainStoreOptions
{
    /// <summary>
    /// How many recent heights of state stay readable and provable (older tree nodes and value versions are
    /// pruned at commit). 0 keeps every height (an archive node).
    /// </summary>
    public ulong RetainedStateVersions { get; init; } = 10_000;

    /// <summary>Latest state values kept in memory.</summary>
    public int ValueCacheEntries { get; init; } = 500_000;

    /// <summary>Tree nodes kept in memory (nodes never change once written, so caching them is always safe).</summary>
    public int NodeCacheEntries { get; init; } = 500_000;

    /// <summary>Whether each block's commit batch waits for the disk (fsync). Off only in tests and bulk loads.</summary>
    public bool SyncCommits { get; init; } = true;
}
