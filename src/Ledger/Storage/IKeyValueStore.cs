namespace DaiChain.Ledger.Storage;

/// <summary>
/// An ordered key-value store with column families declared at open, atomic batched writes and snapshots.
/// Implemented by <see cref="MemoryStore"/> and <see cref="RocksDbStore"/> with the same semantics (one
/// conformance suite runs on both).
/// </summary>
/// <remarks>
/// Writes happen only through <see cref="Write(WriteBatch, bool)"/>: a batch is applied all-or-nothing across
/// all its column families, and readers (including scans already started and snapshots) never observe part of a
/// batch. Batches are applied in the order their <c>Write</c> calls return; one writer at a time is the
/// intended use, although concurrent writers are serialized safely.
/// </remarks>
public interface IKeyValueStore : IKeyValueReader, IDisposable
{
    /// <summary>Opens a consistent read-only view of every column family as of now.</summary>
    IKeyValueSnapshot CreateSnapshot();

    /// <summary>
    /// Applies <paramref name="batch"/> atomically across column families. When <paramref name="sync"/> is
    /// true, returns only after the batch is durable (the write-ahead log is fsynced), so it survives a power
    /// loss; otherwise it survives a process crash but may be lost with the machine. Throws
    /// <see cref="ArgumentException"/> (and writes nothing) if the batch names an undeclared column family.
    /// </summary>
    void Write(WriteBatch batch, bool sync);

    /// <summary>Applies <paramref name="batch"/> with the store's <see cref="StoreOptions.SyncWritesByDefault"/>.</summary>
    void Write(WriteBatch batch);
}
