namespace DaiChain.Ledger.Storage;

/// <summary>Options of a <see cref="RocksDbStore"/>: the common <see cref="StoreOptions"/> plus RocksDB tuning.</summary>
/// <remarks>
/// The same table options (cache, bloom filter, compression, write buffer) apply to every column family.
/// Defaults suit a validator on a small machine: they were measured on 2 cores (see NATIVE.md).
/// </remarks>
public sealed record RocksDbOptions : StoreOptions
{
    /// <summary>Directory of the database. Required; created when missing if <see cref="CreateIfMissing"/>.</summary>
    public required string Path { get; init; }

    /// <summary>Whether to create a new, empty database when <see cref="Path"/> holds none. Default: <c>true</c>.</summary>
    public bool CreateIfMissing { get; init; } = true;

    /// <summary>
    /// Capacity of the LRU block cache shared by all column families, in bytes; index and filter blocks are
    /// cached in it too, so it bounds read memory. Default: 256 MiB. Must be positive.
    /// </summary>
    public long BlockCacheBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>
    /// Bits per key of the full-key bloom filter in each table file; 10 gives about 1% false positives and
    /// makes reads of absent keys nearly free. 0 disables the filter. Default: 10. Range 0 to 64.
    /// </summary>
    public double BloomBitsPerKey { get; init; } = 10;

    /// <summary>
    /// Whether writes go through the write-ahead log. Default: <c>true</c>. With the WAL off, every write since
    /// the last <see cref="RocksDbStore.Flush"/> is lost in a crash, and synced writes are refused, so
    /// <see cref="StoreOptions.SyncWritesByDefault"/> must be <c>false</c>; use it only for rebuildable data.
    /// </summary>
    public bool WalEnabled { get; init; } = true;

    /// <summary>
    /// Size of one memtable per column family before it is flushed to a table file, in bytes. Default: 64 MiB
    /// (RocksDB's own default). At least 1 MiB.
    /// </summary>
    public long WriteBufferBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Compression of table files. Default: <see cref="RocksDbCompression.Lz4"/>.</summary>
    public RocksDbCompression Compression { get; init; } = RocksDbCompression.Lz4;

    /// <summary>
    /// Opens an existing database for reading only: nothing is written (writes throw), no lock is taken, so a
    /// database that a running node holds can be read beside it, as it was when opened. Every table file is
    /// opened up front, so the writer's compactions cannot delete one from under a read. Every declared column
    /// family must exist. Default: <c>false</c>.
    /// </summary>
    public bool ReadOnly { get; init; }

    /// <summary>Background flush and compaction threads. Default: 2 (one per core here). Range 1 to 64.</summary>
    public int BackgroundJobs { get; init; } = 2;
}
