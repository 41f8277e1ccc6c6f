using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using DaiChain.Ledger.Native;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// The read side of <see cref="RocksDbStore"/> and its snapshots: point reads and scans through one set of read
/// options (the store's plain ones, or ones pinned to a snapshot).
/// </summary>
internal sealed class RocksDbReader : IKeyValueReader
{
    // RocksDB's own empty Slice points at "", never NULL; an empty span would marshal as NULL, so empty keys are
    // passed as a zero-length slice of this array instead.
    private static readonly byte[] EmptyKey = new byte[1];

    private readonly RocksDbHandle _db;
    private readonly IReadOnlyDictionary<ColumnFamily, RocksDbColumnFamilyHandle> _families;
    private readonly RocksDbReadOptionsHandle _readOptions;
    private readonly RocksDbSnapshotHandle? _snapshot;
    private readonly Action _throwIfDisposed;
    private readonly string _path;

    public RocksDbReader(
        string path,
        RocksDbHandle db,
        IReadOnlyList<ColumnFamily> families,
        IReadOnlyDictionary<ColumnFamily, RocksDbColumnFamilyHandle> handles,
        RocksDbReadOptionsHandle readOptions,
        RocksDbSnapshotHandle? snapshot,
        Action throwIfDisposed)
    {
        _path = path;
        _db = db;
        ColumnFamilies = families;
        _families = handles;
        _readOptions = readOptions;
        _snapshot = snapshot;
        _throwIfDisposed = throwIfDisposed;
    }

    public IReadOnlyList<ColumnFamily> ColumnFamilies { get; }

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) =>
        TryGet(family, key, out var value)
            ? value
            : throw new KeyNotFoundException($"key {Convert.ToHexString(key)} is absent from column family '{family}'");

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        using var slice = GetPinned(family, key);
        if (slice is null)
        {
            value = null;
            return false;
        }

        var data = RocksDbNative.rocksdb_pinnableslice_value(slice, out var length);
        value = CopyFromNative(data, length);
        return true;
    }

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key)
    {
        using var slice = GetPinned(family, key);
        return slice is not null;
    }

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction)
    {
        var handle = Family(family);
        KeyRange.CheckDirection(direction);
        var (lower, upper) = KeyRange.CopyBounds(from, to);
        return Scan(handle, lower, upper, direction);
    }

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction)
    {
        var handle = Family(family);
        KeyRange.CheckDirection(direction);
        KeyRange.CheckKey(prefix);
        var lower = prefix.IsEmpty ? null : prefix.ToArray();
        return Scan(handle, lower, KeyRange.PrefixUpperBound(prefix), direction);
    }

    public RocksDbColumnFamilyHandle Family(ColumnFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        _throwIfDisposed();
        return _families.TryGetValue(family, out var handle) ? handle : throw ColumnFamilyList.NotDeclared(family);
    }

    public static ReadOnlySpan<byte> NonNull(ReadOnlySpan<byte> bytes) => bytes.IsEmpty ? EmptyKey.AsSpan(0, 0) : bytes;

    public void ThrowIfError(IntPtr error, string operation)
    {
        if (RocksDbNative.TakeError(error) is { } message)
        {
            throw new StorageException($"RocksDB {operation} failed on '{_path}'", message);
        }
    }

    private static byte[] CopyFromNative(IntPtr data, nuint length)
    {
        if (length == 0)
        {
            return [];
        }

        if (length > int.MaxValue)
        {
            throw new StorageException($"RocksDB returned {length} bytes; the limit of one array is {int.MaxValue}");
        }

        var bytes = GC.AllocateUninitializedArray<byte>((int)length);
        Marshal.Copy(data, bytes, 0, bytes.Length);
        return bytes;
    }

    private RocksDbPinnableSliceHandle? GetPinned(ColumnFamily family, ReadOnlySpan<byte> key)
    {
        var handle = Family(family);
        KeyRange.CheckKey(key);
        var error = IntPtr.Zero;
        var slice = RocksDbNative.rocksdb_get_pinned_cf(_db, _readOptions, handle, NonNull(key), (nuint)key.Length, ref error);
        ThrowIfError(error, "get");
        return slice == IntPtr.Zero ? null : RocksDbSafeHandle.Wrap<RocksDbPinnableSliceHandle>("pinnable slice", slice);
    }

    private IEnumerable<KeyValueEntry> Scan(RocksDbColumnFamilyHandle family, byte[]? lower, byte[]? upper, ScanDirection direction)
    {
        // Runs from the first MoveNext: the iterator (and its implicit or explicit snapshot) is created then.
        // The bounds do the positioning: SeekToFirst honours the lower bound, SeekToLast the upper one.
        using var options = RocksDbReadOptionsHandle.Create(_snapshot, lower, upper);
        using var iterator = RocksDbSafeHandle.Create<RocksDbIteratorHandle>(
            "iterator", () => RocksDbNative.rocksdb_create_iterator_cf(_db, options, family), _db, family, options);
        var forward = direction == ScanDirection.Forward;
        if (forward)
        {
            RocksDbNative.rocksdb_iter_seek_to_first(iterator);
        }
        else
        {
            RocksDbNative.rocksdb_iter_seek_to_last(iterator);
        }

        while (RocksDbNative.rocksdb_iter_valid(iterator))
        {
            var key = CopyFromNative(RocksDbNative.rocksdb_iter_key(iterator, out var keyLength), keyLength);
            var value = CopyFromNative(RocksDbNative.rocksdb_iter_value(iterator, out var valueLength), valueLength);
            yield return new KeyValueEntry(key, value);
            if (forward)
            {
                RocksDbNative.rocksdb_iter_next(iterator);
            }
            else
            {
                RocksDbNative.rocksdb_iter_prev(iterator);
            }
        }

        // An iterator also becomes invalid on an I/O error or corruption; only the status tells them apart.
        var error = IntPtr.Zero;
        RocksDbNative.rocksdb_iter_get_error(iterator, ref error);
        ThrowIfError(error, "scan");
    }
}
