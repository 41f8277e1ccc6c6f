using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using DaiChain.Ledger.Native;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// An <see cref="IKeyValueStore"/> on RocksDB (the Debian <c>librocksdb7.8</c> native library): column
/// families, atomic write batches through the write-ahead log, snapshots, flush and checkpoints.
/// </summary>
/// <remarks>
/// <para>Opening creates the database and any declared column family it lacks. Column families already in the
/// database but not declared are opened too (RocksDB requires it) and stay inaccessible, so that an older binary
/// can open a newer database.</para>
/// <para>The WAL is replayed in point-in-time mode: recovery stops at the first damaged record, so after a crash
/// the database holds a prefix of the acknowledged batches, each whole or absent. docs/spec/storage.md states
/// what a crash can lose.</para>
/// <para>Thread safety: every member may be called concurrently; native handles are reference counted, so
/// <see cref="Dispose"/> during a read is safe and the database closes once the last snapshot and scan are
/// disposed.</para>
/// </remarks>
public sealed class RocksDbStore : IKeyValueStore
{
    // Bounds the RocksDB info LOG files kept beside the data (its default keeps a thousand).
    private const int InfoLogFilesKept = 5;

    private readonly RocksDbHandle _db;
    private readonly Dictionary<ColumnFamily, RocksDbColumnFamilyHandle> _families;
    private readonly List<RocksDbColumnFamilyHandle> _undeclaredFamilies;
    private readonly RocksDbReadOptionsHandle _readOptions;
    private readonly RocksDbWriteOptionsHandle _syncedWrite;
    private readonly RocksDbWriteOptionsHandle _unsyncedWrite;
    private readonly RocksDbReader _reader;
    private readonly bool _walEnabled;
    private int _disposed;

    private RocksDbStore(
        RocksDbOptions options,
        string path,
        RocksDbHandle db,
        IReadOnlyList<ColumnFamily> declared,
        Dictionary<ColumnFamily, RocksDbColumnFamilyHandle> families,
        List<RocksDbColumnFamilyHandle> undeclaredFamilies)
    {
        Path = path;
        IsReadOnly = options.ReadOnly;
        SyncWritesByDefault = options.SyncWritesByDefault;
        _walEnabled = options.WalEnabled;
        _db = db;
        _families = families;
        _undeclaredFamilies = undeclaredFamilies;
        _readOptions = RocksDbReadOptionsHandle.Create(snapshot: null, lowerBound: null, upperBound: null);
        _syncedWrite = CreateWriteOptions(sync: true, options.WalEnabled);
        _unsyncedWrite = CreateWriteOptions(sync: false, options.WalEnabled);
        _reader = new RocksDbReader(path, db, declared, families, _readOptions, snapshot: null, ThrowIfDisposed);
    }

    /// <summary>Full path of the database directory.</summary>
    public string Path { get; }

    public IReadOnlyList<ColumnFamily> ColumnFamilies => _reader.ColumnFamilies;

    /// <summary>True when opened with <see cref="RocksDbOptions.ReadOnly"/>: writes, flushes and checkpoints throw.</summary>
    public bool IsReadOnly { get; }

    /// <summary>The sync flag used by <see cref="Write(WriteBatch)"/>.</summary>
    public bool SyncWritesByDefault { get; }

    /// <summary>
    /// Opens (or creates) the database at <see cref="RocksDbOptions.Path"/>. Throws
    /// <see cref="ArgumentException"/> for invalid options and <see cref="StorageException"/>, with RocksDB's
    /// error text, when the database cannot be opened: locked by another process, corrupt, missing with
    /// <see cref="RocksDbOptions.CreateIfMissing"/> off, or not a directory.
    /// </summary>
    public static RocksDbStore Open(RocksDbOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        var declared = ColumnFamilyList.Resolve(options.ColumnFamilies);
        var path = System.IO.Path.GetFullPath(options.Path);
        if (options.ReadOnly)
        {
            RequireReadableFamilies(path, declared);
        }
        else if (options.CreateIfMissing)
        {
            // RocksDB creates only the last directory level; a node's data directory may be deeper.
            CreateParentDirectory(path);
        }

        using var nativeOptions = CreateOptions(options);
        var names = declared.Select(f => f.Name).ToList();
        if (File.Exists(System.IO.Path.Combine(path, "CURRENT")))
        {
            names.AddRange(ListColumnFamilies(nativeOptions, path).Where(name => !names.Contains(name, StringComparer.Ordinal)));
        }

        var familyOptions = Enumerable.Repeat(nativeOptions.DangerousGetHandle(), names.Count).ToArray();
        var familyPointers = new IntPtr[names.Count];
        var error = IntPtr.Zero;
        var dbPointer = options.ReadOnly
            ? RocksDbNative.rocksdb_open_for_read_only_column_families(
                nativeOptions, path, names.Count, [.. names], familyOptions, familyPointers, errorIfWalFileExists: false, ref error)
            : RocksDbNative.rocksdb_open_column_families(
                nativeOptions, path, names.Count, [.. names], familyOptions, familyPointers, ref error);
        if (RocksDbNative.TakeError(error) is { } message)
        {
            throw new StorageException($"cannot open RocksDB database at '{path}'", message);
        }

        var db = RocksDbSafeHandle.Wrap<RocksDbHandle>("database", dbPointer);
        var families = new Dictionary<ColumnFamily, RocksDbColumnFamilyHandle>();
        var undeclared = new List<RocksDbColumnFamilyHandle>();
        try
        {
            for (var i = 0; i < names.Count; i++)
            {
                var handle = RocksDbSafeHandle.Wrap<RocksDbColumnFamilyHandle>("column family", familyPointers[i], db);
                if (i < declared.Count)
                {
                    families.Add(declared[i], handle);
                }
                else
                {
                    undeclared.Add(handle);
                }
            }

            return new RocksDbStore(options, path, db, declared, families, undeclared);
        }
        catch
        {
            foreach (var handle in families.Values.Concat(undeclared))
            {
                handle.Dispose();
            }

            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Lists the column families of the database at <paramref name="path"/> (always including <c>default</c>),
    /// without opening it. Throws <see cref="StorageException"/> when there is no readable database there.
    /// </summary>
    public static IReadOnlyList<string> ListColumnFamilies(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var options = RocksDbSafeHandle.Create<RocksDbOptionsHandle>("options", RocksDbNative.rocksdb_options_create);
        return ListColumnFamilies(options, System.IO.Path.GetFullPath(path));
    }

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) => _reader.Get(family, key);

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value) =>
        _reader.TryGet(family, key, out value);

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key) => _reader.Contains(family, key);

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction = ScanDirection.Forward) =>
        _reader.Range(family, from, to, direction);

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward) =>
        _reader.Prefix(family, prefix, direction);

    public IKeyValueSnapshot CreateSnapshot()
    {
        ThrowIfDisposed();
        return new RocksDbSnapshot(this, Path, _db, _reader.ColumnFamilies, _families);
    }

    public void Write(WriteBatch batch) => Write(batch, SyncWritesByDefault);

    /// <inheritdoc/>
    /// <remarks>
    /// With <see cref="RocksDbOptions.WalEnabled"/> off a synced write is impossible and throws
    /// <see cref="InvalidOperationException"/>. An empty synced batch still syncs the WAL, making earlier
    /// unsynced writes durable.
    /// </remarks>
    public void Write(WriteBatch batch, bool sync)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ThrowIfDisposed();
        if (IsReadOnly)
        {
            throw new InvalidOperationException($"the RocksDB store at '{Path}' was opened read-only");
        }

        if (sync && !_walEnabled)
        {
            throw new InvalidOperationException(
                $"a synced write needs the write-ahead log, and the RocksDB store at '{Path}' was opened with WalEnabled = false");
        }

        // Resolve every family before building anything, so a bad batch writes nothing.
        var operations = batch.Operations;
        foreach (ref readonly var operation in operations)
        {
            _ = _reader.Family(operation.Family);
        }

        using var nativeBatch = RocksDbSafeHandle.Create<RocksDbWriteBatchHandle>("write batch", RocksDbNative.rocksdb_writebatch_create);
        ColumnFamily? lastFamily = null;
        RocksDbColumnFamilyHandle? lastHandle = null;
        foreach (ref readonly var operation in operations)
        {
            if (!ReferenceEquals(operation.Family, lastFamily))
            {
                lastFamily = operation.Family;
                lastHandle = _families[operation.Family];
            }

            var key = batch.Key(operation);
            if (operation.IsDelete)
            {
                RocksDbNative.rocksdb_writebatch_delete_cf(nativeBatch, lastHandle!, RocksDbReader.NonNull(key), (nuint)key.Length);
            }
            else
            {
                var value = batch.Value(operation);
                RocksDbNative.rocksdb_writebatch_put_cf(
                    nativeBatch, lastHandle!, RocksDbReader.NonNull(key), (nuint)key.Length, RocksDbReader.NonNull(value), (nuint)value.Length);
            }
        }

        var error = IntPtr.Zero;
        RocksDbNative.rocksdb_write(_db, sync ? _syncedWrite : _unsyncedWrite, nativeBatch, ref error);
        _reader.ThrowIfError(error, "write");
    }

    /// <summary>
    /// Writes the memtables of every declared column family to table files and waits. Not needed for durability
    /// with the WAL on; with it off, this is the only way to make writes durable (one family after another).
    /// </summary>
    public void Flush()
    {
        ThrowIfDisposed();
        using var options = RocksDbSafeHandle.Create<RocksDbFlushOptionsHandle>("flush options", RocksDbNative.rocksdb_flushoptions_create);
        RocksDbNative.rocksdb_flushoptions_set_wait(options, true);
        foreach (var family in _families.Values)
        {
            var error = IntPtr.Zero;
            RocksDbNative.rocksdb_flush_cf(_db, options, family, ref error);
            _reader.ThrowIfError(error, "flush");
        }
    }

    /// <summary>
    /// Writes a consistent, openable copy of the database to <paramref name="directory"/>, which must not exist
    /// (its parent must). Table files are hard-linked when on the same file system, so it is cheap; the copy is
    /// a backup that <see cref="Open"/> accepts as a database path.
    /// </summary>
    public void CreateCheckpoint(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ThrowIfDisposed();
        var target = System.IO.Path.GetFullPath(directory);
        using var checkpoint = RocksDbSafeHandle.Create<RocksDbCheckpointHandle>(
            "checkpoint",
            () =>
            {
                var error = IntPtr.Zero;
                var pointer = RocksDbNative.rocksdb_checkpoint_object_create(_db, ref error);
                _reader.ThrowIfError(error, "checkpoint");
                return pointer;
            },
            _db);
        var createError = IntPtr.Zero;
        RocksDbNative.rocksdb_checkpoint_create(checkpoint, target, 0, ref createError);
        _reader.ThrowIfError(createError, $"checkpoint to '{target}'");
    }

    /// <summary>
    /// Closes the store. Snapshots and scans still open keep the database open until they are disposed (or
    /// finalized); reopening the same path before that fails with a lock error.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _readOptions.Dispose();
        _syncedWrite.Dispose();
        _unsyncedWrite.Dispose();
        foreach (var family in _families.Values.Concat(_undeclaredFamilies))
        {
            family.Dispose();
        }

        _db.Dispose();
    }

    internal void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static void Validate(RocksDbOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Path, nameof(options));
        if (options.BlockCacheBytes <= 0)
        {
            throw new ArgumentException($"BlockCacheBytes must be positive, not {options.BlockCacheBytes}", nameof(options));
        }

        if (!(options.BloomBitsPerKey is >= 0 and <= 64))
        {
            throw new ArgumentException($"BloomBitsPerKey must be between 0 and 64, not {options.BloomBitsPerKey}", nameof(options));
        }

        if (options.WriteBufferBytes < 1024 * 1024)
        {
            throw new ArgumentException($"WriteBufferBytes must be at least 1 MiB, not {options.WriteBufferBytes}", nameof(options));
        }

        if (options.BackgroundJobs is < 1 or > 64)
        {
            throw new ArgumentException($"BackgroundJobs must be between 1 and 64, not {options.BackgroundJobs}", nameof(options));
        }

        if (!Enum.IsDefined(options.Compression))
        {
            throw new ArgumentException($"unknown compression {options.Compression}", nameof(options));
        }

        if (!options.WalEnabled && options.SyncWritesByDefault)
        {
            throw new ArgumentException(
                "synced writes need the write-ahead log: with WalEnabled = false set SyncWritesByDefault = false", nameof(options));
        }
    }

    private static void RequireReadableFamilies(string path, IReadOnlyList<ColumnFamily> declared)
    {
        if (!File.Exists(System.IO.Path.Combine(path, "CURRENT")))
        {
            throw new StorageException($"cannot open RocksDB database at '{path}' read-only", "there is no database there");
        }

        var existing = ListColumnFamilies(path);
        var missing = declared.Where(f => !existing.Contains(f.Name, StringComparer.Ordinal)).Select(f => f.Name).ToList();
        if (missing.Count > 0)
        {
            throw new StorageException($"cannot open RocksDB database at '{path}' read-only", $"it has no column family {string.Join(", ", missing)}");
        }
    }

    private static void CreateParentDirectory(string path)
    {
        if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } parent)
        {
            Directory.CreateDirectory(parent);
        }
    }

    private static RocksDbOptionsHandle CreateOptions(RocksDbOptions options)
    {
        var native = RocksDbSafeHandle.Create<RocksDbOptionsHandle>("options", RocksDbNative.rocksdb_options_create);
        try
        {
            RocksDbNative.rocksdb_options_set_create_if_missing(native, options.CreateIfMissing);
            RocksDbNative.rocksdb_options_set_create_missing_column_families(native, true);
            RocksDbNative.rocksdb_options_set_max_background_jobs(native, options.BackgroundJobs);
            RocksDbNative.rocksdb_options_set_write_buffer_size(native, (nuint)options.WriteBufferBytes);
            RocksDbNative.rocksdb_options_set_compression(native, (int)options.Compression);
            RocksDbNative.rocksdb_options_set_wal_recovery_mode(native, RocksDbNative.PointInTimeRecovery);
            RocksDbNative.rocksdb_options_set_keep_log_file_num(native, InfoLogFilesKept);
            if (options.ReadOnly)
            {
                RocksDbNative.rocksdb_options_set_max_open_files(native, -1);
            }

            // Without a WAL, only flushes persist data; atomic flush makes RocksDB's own flushes all-or-nothing
            // across column families, so a crash cannot persist half of a batch.
            RocksDbNative.rocksdb_options_set_atomic_flush(native, !options.WalEnabled);

            using var table = RocksDbSafeHandle.Create<RocksDbBlockBasedTableOptionsHandle>(
                "table options", RocksDbNative.rocksdb_block_based_options_create);
            using var cache = RocksDbSafeHandle.Create<RocksDbCacheHandle>(
                "block cache", () => RocksDbNative.rocksdb_cache_create_lru((nuint)options.BlockCacheBytes));
            RocksDbNative.rocksdb_block_based_options_set_block_cache(table, cache);

            // Index and filter blocks go in the bounded cache (RocksDB would otherwise keep them on the heap
            // without limit as the database grows); level-0 ones stay pinned because every read consults them.
            RocksDbNative.rocksdb_block_based_options_set_cache_index_and_filter_blocks(table, true);
            RocksDbNative.rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(table, true);
            if (options.BloomBitsPerKey > 0)
            {
                using var filter = RocksDbSafeHandle.Create<RocksDbFilterPolicyHandle>(
                    "bloom filter", () => RocksDbNative.rocksdb_filterpolicy_create_bloom_full(options.BloomBitsPerKey));
                RocksDbNative.rocksdb_block_based_options_set_filter_policy(table, filter.TransferOwnership());
            }

            // Copies the table options; the cache is shared by reference count, so both wrappers can go now.
            RocksDbNative.rocksdb_options_set_block_based_table_factory(native, table);
            return native;
        }
        catch
        {
            native.Dispose();
            throw;
        }
    }

    private static RocksDbWriteOptionsHandle CreateWriteOptions(bool sync, bool walEnabled)
    {
        var options = RocksDbSafeHandle.Create<RocksDbWriteOptionsHandle>("write options", RocksDbNative.rocksdb_writeoptions_create);
        RocksDbNative.rocksdb_writeoptions_set_sync(options, sync);
        RocksDbNative.rocksdb_writeoptions_disable_wal(options, walEnabled ? 0 : 1);
        return options;
    }

    private static List<string> ListColumnFamilies(RocksDbOptionsHandle options, string path)
    {
        var error = IntPtr.Zero;
        var list = RocksDbNative.rocksdb_list_column_families(options, path, out var count, ref error);
        if (RocksDbNative.TakeError(error) is { } message)
        {
            throw new StorageException($"cannot list the column families of RocksDB database at '{path}'", message);
        }

        try
        {
            var names = new List<string>((int)count);
            for (var i = 0; i < (int)count; i++)
            {
                names.Add(Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(list, i * IntPtr.Size)) ?? string.Empty);
            }

            return names;
        }
        finally
        {
            RocksDbNative.rocksdb_list_column_families_destroy(list, count);
        }
    }
}
