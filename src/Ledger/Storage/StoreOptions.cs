namespace DaiChain.Ledger.Storage;

/// <summary>Options every <see cref="IKeyValueStore"/> understands.</summary>
public record StoreOptions
{
    /// <summary>
    /// The column families the store opens, in addition to <see cref="ColumnFamily.Default"/> which is always
    /// open. Duplicates are rejected. Default: none beyond <see cref="ColumnFamily.Default"/>.
    /// </summary>
    public IReadOnlyList<ColumnFamily> ColumnFamilies { get; init; } = [];

    /// <summary>
    /// Whether <see cref="IKeyValueStore.Write(WriteBatch)"/> waits until the batch is durable on disk
    /// (fsync of the write-ahead log) before returning. Default: <c>true</c>, because a committed block must
    /// survive a power loss; turn it off only for bulk loads and tests.
    /// </summary>
    public bool SyncWritesByDefault { get; init; } = true;
}
