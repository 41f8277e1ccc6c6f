using System.Runtime.InteropServices;

namespace DaiChain.Ledger.Native;

/// <summary>
/// Thin binding over the RocksDB C API (<c>rocksdb/c.h</c>, 7.8.3): one declaration per C function, same names,
/// no behaviour. <c>DaiChain.Ledger.Storage.RocksDbStore</c> is the only intended caller.
/// </summary>
/// <remarks>
/// Conventions of the C API that callers must keep: an <c>errptr</c> is passed as <c>ref IntPtr</c> that is
/// <see cref="IntPtr.Zero"/> on entry (RocksDB would free a non-NULL value) and, when set on return, is freed
/// with <see cref="rocksdb_free"/> (see <see cref="TakeError"/>); <c>unsigned char</c> booleans are marshalled
/// as one byte; <c>size_t</c> is <see cref="nuint"/>. Constructors return <see cref="IntPtr"/> so that the
/// caller wraps them in a <see cref="RocksDbSafeHandle"/> with the right parents; destructors take
/// <see cref="IntPtr"/> because they run from <c>ReleaseHandle</c>, where a closed parent cannot be marshalled.
/// Spans are pinned by the generated marshalling, so no hand-written unsafe code is needed.
/// </remarks>
internal static partial class RocksDbNative
{
    /// <summary><c>rocksdb_point_in_time_recovery</c>: replay the WAL up to the first corrupt record, no further.</summary>
    internal const int PointInTimeRecovery = 2;

    static RocksDbNative() => NativeLibraries.EnsureRegistered();

    /// <summary>
    /// Returns the error string RocksDB stored in an <c>errptr</c> (null when there is none) and frees it.
    /// </summary>
    internal static string? TakeError(IntPtr error)
    {
        if (error == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            return Marshal.PtrToStringUTF8(error) ?? string.Empty;
        }
        finally
        {
            rocksdb_free(error);
        }
    }

    // Memory returned by RocksDB (values, error strings).

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_free(IntPtr pointer);

    // Options.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_options_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_destroy(IntPtr options);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_create_if_missing(RocksDbOptionsHandle options, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_create_missing_column_families(RocksDbOptionsHandle options, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_write_buffer_size(RocksDbOptionsHandle options, nuint bytes);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_compression(RocksDbOptionsHandle options, int compression);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_max_background_jobs(RocksDbOptionsHandle options, int jobs);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_atomic_flush(RocksDbOptionsHandle options, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_wal_recovery_mode(RocksDbOptionsHandle options, int mode);

    /// <summary>-1 opens every table file at open time and keeps it open.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_max_open_files(RocksDbOptionsHandle options, int count);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_keep_log_file_num(RocksDbOptionsHandle options, nuint count);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_options_set_block_based_table_factory(RocksDbOptionsHandle options, RocksDbBlockBasedTableOptionsHandle tableOptions);

    // Block-based tables, filters, caches.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_block_based_options_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_block_based_options_destroy(IntPtr tableOptions);

    /// <summary>Takes ownership of <paramref name="filterPolicy"/> (it is stored in a shared pointer).</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_block_based_options_set_filter_policy(RocksDbBlockBasedTableOptionsHandle tableOptions, IntPtr filterPolicy);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_block_based_options_set_block_cache(RocksDbBlockBasedTableOptionsHandle tableOptions, RocksDbCacheHandle cache);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_block_based_options_set_cache_index_and_filter_blocks(RocksDbBlockBasedTableOptionsHandle tableOptions, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_block_based_options_set_pin_l0_filter_and_index_blocks_in_cache(RocksDbBlockBasedTableOptionsHandle tableOptions, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_filterpolicy_create_bloom_full(double bitsPerKey);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_filterpolicy_destroy(IntPtr filterPolicy);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_cache_create_lru(nuint capacityBytes);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_cache_destroy(IntPtr cache);

    // Open, close, column families.

    [LibraryImport(NativeLibraries.RocksDb, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_open_column_families(
        RocksDbOptionsHandle options,
        string name,
        int columnFamilyCount,
        string[] columnFamilyNames,
        IntPtr[] columnFamilyOptions,
        [Out] IntPtr[] columnFamilyHandles,
        ref IntPtr errptr);

    /// <summary>Opens without writing anything or taking the lock: a running node's database can be read beside it.</summary>
    [LibraryImport(NativeLibraries.RocksDb, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_open_for_read_only_column_families(
        RocksDbOptionsHandle options,
        string name,
        int columnFamilyCount,
        string[] columnFamilyNames,
        IntPtr[] columnFamilyOptions,
        [Out] IntPtr[] columnFamilyHandles,
        [MarshalAs(UnmanagedType.U1)] bool errorIfWalFileExists,
        ref IntPtr errptr);

    [LibraryImport(NativeLibraries.RocksDb, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr rocksdb_list_column_families(RocksDbOptionsHandle options, string name, out nuint count, ref IntPtr errptr);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_list_column_families_destroy(IntPtr list, nuint count);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_close(IntPtr db);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_column_family_handle_destroy(IntPtr columnFamily);

    // Writes.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_writebatch_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writebatch_destroy(IntPtr batch);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writebatch_clear(RocksDbWriteBatchHandle batch);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial int rocksdb_writebatch_count(RocksDbWriteBatchHandle batch);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writebatch_put_cf(
        RocksDbWriteBatchHandle batch,
        RocksDbColumnFamilyHandle columnFamily,
        ReadOnlySpan<byte> key,
        nuint keyLength,
        ReadOnlySpan<byte> value,
        nuint valueLength);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writebatch_delete_cf(
        RocksDbWriteBatchHandle batch,
        RocksDbColumnFamilyHandle columnFamily,
        ReadOnlySpan<byte> key,
        nuint keyLength);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_writeoptions_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writeoptions_destroy(IntPtr options);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_writeoptions_set_sync(RocksDbWriteOptionsHandle options, [MarshalAs(UnmanagedType.U1)] bool value);

    /// <summary>Note the C signature: <c>int disable</c>, not <c>unsigned char</c>.</summary>
    [LibraryImport(NativeLibraries.RocksDb, EntryPoint = "rocksdb_writeoptions_disable_WAL")]
    internal static partial void rocksdb_writeoptions_disable_wal(RocksDbWriteOptionsHandle options, int disable);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_write(RocksDbHandle db, RocksDbWriteOptionsHandle options, RocksDbWriteBatchHandle batch, ref IntPtr errptr);

    // Reads.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_readoptions_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_readoptions_destroy(IntPtr options);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_readoptions_set_snapshot(IntPtr options, IntPtr snapshot);

    /// <summary>Stores <paramref name="key"/> by address: the memory must outlive the options and their iterators.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_readoptions_set_iterate_lower_bound(IntPtr options, IntPtr key, nuint keyLength);

    /// <summary>Stores <paramref name="key"/> by address: the memory must outlive the options and their iterators.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_readoptions_set_iterate_upper_bound(IntPtr options, IntPtr key, nuint keyLength);

    /// <summary>Returns NULL with no error when the key is absent.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_get_pinned_cf(
        RocksDbHandle db,
        RocksDbReadOptionsHandle options,
        RocksDbColumnFamilyHandle columnFamily,
        ReadOnlySpan<byte> key,
        nuint keyLength,
        ref IntPtr errptr);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_pinnableslice_value(RocksDbPinnableSliceHandle slice, out nuint length);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_pinnableslice_destroy(IntPtr slice);

    // Snapshots.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_create_snapshot(RocksDbHandle db);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_release_snapshot(IntPtr db, IntPtr snapshot);

    // Iterators.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_create_iterator_cf(RocksDbHandle db, RocksDbReadOptionsHandle options, RocksDbColumnFamilyHandle columnFamily);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_destroy(IntPtr iterator);

    [LibraryImport(NativeLibraries.RocksDb)]
    [return: MarshalAs(UnmanagedType.U1)]
    internal static partial bool rocksdb_iter_valid(RocksDbIteratorHandle iterator);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_seek_to_first(RocksDbIteratorHandle iterator);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_seek_to_last(RocksDbIteratorHandle iterator);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_seek(RocksDbIteratorHandle iterator, ReadOnlySpan<byte> key, nuint keyLength);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_seek_for_prev(RocksDbIteratorHandle iterator, ReadOnlySpan<byte> key, nuint keyLength);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_next(RocksDbIteratorHandle iterator);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_prev(RocksDbIteratorHandle iterator);

    /// <summary>The key at the current position; the memory is valid until the iterator moves.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_iter_key(RocksDbIteratorHandle iterator, out nuint length);

    /// <summary>The value at the current position; the memory is valid until the iterator moves.</summary>
    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_iter_value(RocksDbIteratorHandle iterator, out nuint length);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_iter_get_error(RocksDbIteratorHandle iterator, ref IntPtr errptr);

    // Flush and checkpoints.

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_flushoptions_create();

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_flushoptions_destroy(IntPtr options);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_flushoptions_set_wait(RocksDbFlushOptionsHandle options, [MarshalAs(UnmanagedType.U1)] bool value);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_flush_cf(RocksDbHandle db, RocksDbFlushOptionsHandle options, RocksDbColumnFamilyHandle columnFamily, ref IntPtr errptr);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial IntPtr rocksdb_checkpoint_object_create(RocksDbHandle db, ref IntPtr errptr);

    /// <summary><paramref name="logSizeForFlush"/> 0 flushes the memtables first, so the checkpoint needs no WAL replay.</summary>
    [LibraryImport(NativeLibraries.RocksDb, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial void rocksdb_checkpoint_create(RocksDbCheckpointHandle checkpoint, string directory, ulong logSizeForFlush, ref IntPtr errptr);

    [LibraryImport(NativeLibraries.RocksDb)]
    internal static partial void rocksdb_checkpoint_object_destroy(IntPtr checkpoint);
}
