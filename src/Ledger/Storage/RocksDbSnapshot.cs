using System.Diagnostics.CodeAnalysis;
using DaiChain.Ledger.Native;

namespace DaiChain.Ledger.Storage;

/// <summary>A <see cref="RocksDbStore"/> snapshot: reads through read options pinned to a RocksDB snapshot.</summary>
internal sealed class RocksDbSnapshot : IKeyValueSnapshot
{
    private readonly RocksDbStore _store;
    private readonly RocksDbSnapshotHandle _snapshot;
    private readonly RocksDbReadOptionsHandle _readOptions;
    private readonly RocksDbReader _reader;
    private int _disposed;

    public RocksDbSnapshot(
        RocksDbStore store,
        string path,
        RocksDbHandle db,
        IReadOnlyList<ColumnFamily> families,
        IReadOnlyDictionary<ColumnFamily, RocksDbColumnFamilyHandle> handles)
    {
        _store = store;
        _snapshot = RocksDbSafeHandle.Create<RocksDbSnapshotHandle>("snapshot", () => RocksDbNative.rocksdb_create_snapshot(db), db);
        try
        {
            _readOptions = RocksDbReadOptionsHandle.Create(_snapshot, lowerBound: null, upperBound: null);
        }
        catch
        {
            _snapshot.Dispose();
            throw;
        }

        _reader = new RocksDbReader(path, db, families, handles, _readOptions, _snapshot, ThrowIfDisposed);
    }

    public IReadOnlyList<ColumnFamily> ColumnFamilies => _reader.ColumnFamilies;

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) => _reader.Get(family, key);

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value) =>
        _reader.TryGet(family, key, out value);

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key) => _reader.Contains(family, key);

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction = ScanDirection.Forward) =>
        _reader.Range(family, from, to, direction);

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) =>
        _reader.Prefix(family, prefix, direction);

    /// <summary>Releases the snapshot; RocksDB frees it once scans started from it are disposed too.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _readOptions.Dispose();
            _snapshot.Dispose();
        }
    }

    private void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        _store.ThrowIfDisposed();
    }
}
