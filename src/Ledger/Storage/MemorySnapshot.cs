using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace DaiChain.Ledger.Storage;

/// <summary>A <see cref="MemoryStore"/> snapshot: the store's tables as they were when it was taken.</summary>
internal sealed class MemorySnapshot : IKeyValueSnapshot
{
    private readonly MemoryStore _store;
    private readonly MemoryView _view;
    private volatile bool _disposed;

    public MemorySnapshot(
        MemoryStore store,
        IReadOnlyList<ColumnFamily> families,
        IReadOnlyDictionary<ColumnFamily, int> indexes,
        ImmutableList<KeyValueEntry>[] tables)
    {
        _store = store;
        _view = new MemoryView(families, indexes, () => tables, ThrowIfDisposed);
    }

    public IReadOnlyList<ColumnFamily> ColumnFamilies => _view.ColumnFamilies;

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) => _view.Get(family, key);

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value) =>
        _view.TryGet(family, key, out value);

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key) => _view.Contains(family, key);

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction = ScanDirection.Forward) =>
        _view.Range(family, from, to, direction);

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) =>
        _view.Prefix(family, prefix, direction);

    public void Dispose() => _disposed = true;

    private void ThrowIfDisposed()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _store.ThrowIfDisposed();
    }
}
