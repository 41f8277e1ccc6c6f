using DaiChain.Ledger.Execution;

namespace DaiChain.Ledger.Audit;

/// <summary>What a <see cref="ChainAuditor"/> checks beyond headers and certificates, and how it reports.</summary>
public sealed record AuditOptions
{
    /// <summary>
    /// Re-execute every block from the genesis state and compare state roots, receipts and validator sets. Off:
    /// headers, links, transaction roots and commit certificates only (validator sets then come from the source,
    /// checked against the certified headers). Default: on.
    /// </summary>
    public bool ReExecute { get; init; } = true;

    /// <summary>
    /// With <see cref="ReExecute"/>, also compare what the node stored beside its blocks (state values, tree nodes,
    /// state roots, indexes, its latest state) with what re-execution wrote, when the source exposes it
    /// (<see cref="IStoredState"/>). Default: on.
    /// </summary>
    public bool CompareStoredState { get; init; } = true;

    /// <summary>Record the block hash and state root every this many heights in the report. Default: 1,000.</summary>
    public ulong CheckpointInterval { get; init; } = 1_000;

    /// <summary>Report progress every this many blocks. Default: 100.</summary>
    public ulong ProgressInterval { get; init; } = 100;

    /// <summary>Cores for signature recovery and tree hashing during re-execution; -1 for all.</summary>
    public int MaxParallelism { get; init; } = -1;

    /// <summary>
    /// The replay chain's store options: only the last state versions are kept (nothing reads older ones), commits
    /// are not synced (the replay is rebuilt from the source after a crash).
    /// </summary>
    public ChainStoreOptions ReplayStore { get; init; } = new()
    {
        RetainedStateVersions = 2,
        SyncCommits = false,
        ValueCacheEntries = 100_000,
        NodeCacheEntries = 100_000,
    };
}
