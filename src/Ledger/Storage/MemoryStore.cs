using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// An in-memory <see cref="IKeyValueStore"/> with the same semantics as <see cref="RocksDbStore"/> (ordering,
/// atomic batches across column families, snapshots, copies returned), for tests and simulations. Nothing
/// survives the process; the sync flag is accepted and has no effect.
/// </summary>
/// <remarks>
/// State is an array of immutable sorted lists, one per column family, replaced whole under a write lock and
/// published with a volatile write. Readers and snapshots take the array without locking, so they never see
/// part of a batch, and a snapshot costs one reference.
/// </remarks>
public sealed class MemoryStore : IKeyValueStore
{
    private readonly Dictionary<ColumnFamily, int> _indexes = [];
    private readonly Lock _writeLock = new();
    private readonly MemoryView _view;
    private ImmutableList<KeyValueEntry>[] _tables;
    private volatile bool _disposed;

    /// <summary>Creates an empty store with only <see cref="ColumnFamily.Default"/>.</summary>
    public MemoryStore()
        : this(new StoreOptions())
    {
    }

    /// <summary>Creates an empty store with the column families of <paramref name="options"/>.</summary>
    public MemoryStore(StoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var families = ColumnFamilyList.Resolve(options.ColumnFamilies);
        for (var i = 0; i < families.Count; i++)
        {
            _indexes.Add(families[i], i);
        }

        SyncWritesByDefault = options.SyncWritesByDefault;
        _tables = [.. families.Select(_ => ImmutableList<KeyValueEntry>.Empty)];
        _view = new MemoryView(families, _indexes, () => Volatile.Read(ref _tables), ThrowIfDisposed);
    }

    public IReadOnlyList<ColumnFamily> ColumnFamilies => _view.ColumnFamilies;

    /// <summary>The sync flag used by <see cref="Write(WriteBatch)"/> (no effect in memory, kept for parity).</summary>
    public bool SyncWritesByDefault { get; }

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) => _view.Get(family, key);

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value) =>
        _view.TryGet(family, key, out value);

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key) => _view.Contains(family, key);

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction = ScanDirection.Forward) =>
        _view.Range(family, from, to, direction);

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) =>
        _view.Prefix(family, prefix, direction);

    public IKeyValueSnapshot CreateSnapshot()
    {
        ThrowIfDisposed();
        return new MemorySnapshot(this, _view.ColumnFamilies, _indexes, Volatile.Read(ref _tables));
    }

    public void Write(WriteBatch batch) => Write(batch, SyncWritesByDefault);

    public void Write(WriteBatch batch, bool sync)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfDisposed();

        // Resolve every family before changing anything, so a bad batch leaves the store untouched.
        foreach (ref readonly var operation in batch.Operations)
        {
            _ = _view.IndexOf(operation.Family);
        }

        lock (_writeLock)
        {
            var current = _tables;
            var builders = new ImmutableList<KeyValueEntry>.Builder?[current.Length];
            foreach (ref readonly var operation in batch.Operations)
            {
                var index = _indexes[operation.Family];
                var table = builders[index] ??= current[index].ToBuilder();
                Apply(table, batch, operation);
            }

            var next = (ImmutableList<KeyValueEntry>[])current.Clone();
            for (var i = 0; i < builders.Length; i++)
            {
                if (builders[i] is { } builder)
                {
                    next[i] = builder.ToImmutable();
                }
            }

            Volatile.Write(ref _tables, next);
        }
    }

    /// <summary>Makes further use of the store and its snapshots throw; scans already started finish normally.</summary>
    public void Dispose() => _disposed = true;

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static void Apply(ImmutableList<KeyValueEntry>.Builder table, WriteBatch batch, in WriteBatchOperation operation)
    {
        var key = batch.Key(operation);
        var index = MemoryView.LowerBound(table, key);
        var found = index < table.Count && KeyRange.Compare(table[index].Key, key) == 0;
        if (operation.IsDelete)
        {
            if (found)
            {
                table.RemoveAt(index);
            }

            return;
        }

        var entry = new KeyValueEntry(key.ToArray(), batch.Value(operation).ToArray());
        if (found)
        {
            table[index] = entry;
        }
        else
        {
            table.Insert(index, entry);
        }
    }
}
