using DaiChain.Ledger.Storage;
using DaiChain.TestKit;

namespace DaiChain.Ledger.Tests.Storage;

public sealed class RocksDbStoreTests : KeyValueStoreConformanceTests
{
    private readonly TemporaryDirectory _directory = new();
    private int _opened;

    protected override IKeyValueStore OpenStore(IReadOnlyList<ColumnFamily> families) =>
        RocksDbStore.Open(Options(_directory.Combine($"db{Interlocked.Increment(ref _opened)}"), families));

    protected override void Cleanup() => _directory.Dispose();

    private static RocksDbOptions Options(string path, params IReadOnlyList<ColumnFamily> families) => new()
    {
        Path = path,
        ColumnFamilies = families,
        BlockCacheBytes = 8L * 1024 * 1024,
        WriteBufferBytes = 4L * 1024 * 1024,
    };

    private static void PutOne(RocksDbStore store, ColumnFamily family, string key, string value)
    {
        var batch = new WriteBatch();
        batch.Put(family, System.Text.Encoding.UTF8.GetBytes(key), System.Text.Encoding.UTF8.GetBytes(value));
        store.Write(batch);
    }

    [Fact]
    public void Data_survives_close_and_reopen()
    {
        var path = _directory.Combine("reopen");
        using (var store = RocksDbStore.Open(Options(path, A, B)))
        {
            PutOne(store, A, "a", "1");
            PutOne(store, B, "b", "2");
            PutOne(store, ColumnFamily.Default, "d", "3");
        }

        using var reopened = RocksDbStore.Open(Options(path, A, B));

        Assert.Equal(Text("1"), reopened.Get(A, Text("a")));
        Assert.Equal(Text("2"), reopened.Get(B, Text("b")));
        Assert.Equal(Text("3"), reopened.Get(ColumnFamily.Default, Text("d")));
    }

    [Fact]
    public void Flushed_data_is_read_back_from_table_files_after_reopen()
    {
        var path = _directory.Combine("flush");
        using (var store = RocksDbStore.Open(Options(path, A)))
        {
            var batch = new WriteBatch();
            for (var i = 0; i < 1000; i++)
            {
                batch.Put(A, BitConverter.GetBytes(i), BitConverter.GetBytes(i * 2));
            }

            store.Write(batch, sync: false);
            store.Flush();
        }

        Assert.NotEmpty(Directory.GetFiles(path, "*.sst"));
        using var reopened = RocksDbStore.Open(Options(path, A));
        Assert.Equal(BitConverter.GetBytes(1998), reopened.Get(A, BitConverter.GetBytes(999)));
        Assert.False(reopened.Contains(A, BitConverter.GetBytes(1000)));
        Assert.Equal(1000, reopened.Range(A, null, null).Count());
    }

    [Fact]
    public void Opening_a_database_that_is_already_open_fails_with_the_lock_error()
    {
        var path = _directory.Combine("locked");
        using var first = RocksDbStore.Open(Options(path, A));

        var error = Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path, A)));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("lock", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.NotNull(error.EngineError);
    }

    [Fact]
    public void Opening_a_corrupt_database_fails_with_the_corruption_error()
    {
        var path = _directory.Combine("corrupt");
        using (var store = RocksDbStore.Open(Options(path, A)))
        {
            PutOne(store, A, "k", "v");
        }

        foreach (var manifest in Directory.GetFiles(path, "MANIFEST-*"))
        {
            File.WriteAllBytes(manifest, Enumerable.Repeat((byte)0xA5, 4096).ToArray());
        }

        var error = Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path, A)));

        Assert.Contains("Corruption", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_missing_database_without_create_if_missing_fails()
    {
        var path = _directory.Combine("missing");

        var error = Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path) with { CreateIfMissing = false }));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Opening_a_path_that_is_a_file_fails()
    {
        var path = _directory.Combine("file");
        File.WriteAllText(path, "not a database");

        Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path)));
    }

    [Fact]
    public void Open_creates_missing_parent_directories()
    {
        var path = Path.Combine(_directory.Path, "deep", "er", "db");

        using var store = RocksDbStore.Open(Options(path, A));

        Assert.Equal(path, store.Path);
    }

    [Fact]
    public void Reopening_with_a_newly_declared_column_family_creates_it()
    {
        var path = _directory.Combine("grow");
        using (var store = RocksDbStore.Open(Options(path, A)))
        {
            PutOne(store, A, "a", "1");
        }

        using (var grown = RocksDbStore.Open(Options(path, A, B)))
        {
            Assert.Equal(Text("1"), grown.Get(A, Text("a")));
            Assert.Empty(grown.Range(B, null, null));
            PutOne(grown, B, "b", "2");
        }

        Assert.Equal(["default", "a", "b"], RocksDbStore.ListColumnFamilies(path));
    }

    [Fact]
    public void Existing_column_family_left_undeclared_is_kept_but_not_accessible()
    {
        var path = _directory.Combine("shrink");
        using (var store = RocksDbStore.Open(Options(path, A, B)))
        {
            PutOne(store, B, "b", "2");
        }

        using (var narrower = RocksDbStore.Open(Options(path, A)))
        {
            Assert.Equal([ColumnFamily.Default, A], narrower.ColumnFamilies);
            Assert.Throws<ArgumentException>(() => narrower.Get(B, Text("b")));
        }

        using var full = RocksDbStore.Open(Options(path, A, B));
        Assert.Equal(Text("2"), full.Get(B, Text("b")));
    }

    [Fact]
    public void Checkpoint_is_an_openable_copy_that_later_writes_do_not_change()
    {
        var path = _directory.Combine("live");
        var backup = _directory.Combine("backup");
        using var store = RocksDbStore.Open(Options(path, A));
        PutOne(store, A, "k", "before");

        store.CreateCheckpoint(backup);
        PutOne(store, A, "k", "after");

        using var copy = RocksDbStore.Open(Options(backup, A));
        Assert.Equal(Text("before"), copy.Get(A, Text("k")));
        Assert.Equal(Text("after"), store.Get(A, Text("k")));
        Assert.Throws<StorageException>(() => store.CreateCheckpoint(backup));
    }

    [Fact]
    public void Database_stays_open_until_the_last_snapshot_is_disposed()
    {
        var path = _directory.Combine("snapshot-lifetime");
        var store = RocksDbStore.Open(Options(path, A));
        var snapshot = store.CreateSnapshot();

        store.Dispose();
        Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path, A)));

        snapshot.Dispose();
        using var reopened = RocksDbStore.Open(Options(path, A));
        Assert.Empty(reopened.Range(A, null, null));
    }

    [Fact]
    public void Database_stays_open_until_the_last_scan_is_disposed()
    {
        var path = _directory.Combine("scan-lifetime");
        var store = RocksDbStore.Open(Options(path, A));
        PutOne(store, A, "k", "v");
        var scan = store.Range(A, null, null).GetEnumerator();
        Assert.True(scan.MoveNext());

        store.Dispose();
        Assert.Throws<StorageException>(() => RocksDbStore.Open(Options(path, A)));

        scan.Dispose();
        using var reopened = RocksDbStore.Open(Options(path, A));
        Assert.Equal(Text("v"), reopened.Get(A, Text("k")));
    }

    [Fact]
    public void Without_the_WAL_synced_writes_are_refused_and_flush_persists_data()
    {
        var path = _directory.Combine("no-wal");
        var options = Options(path, A) with { WalEnabled = false, SyncWritesByDefault = false };
        using (var store = RocksDbStore.Open(options))
        {
            PutOne(store, A, "k", "v");
            var batch = new WriteBatch();
            batch.Put(A, Text("x"), Text("y"));
            Assert.Throws<InvalidOperationException>(() => store.Write(batch, sync: true));
            store.Flush();
        }

        using var reopened = RocksDbStore.Open(options);
        Assert.Equal(Text("v"), reopened.Get(A, Text("k")));
        Assert.False(reopened.Contains(A, Text("x")));
    }

    [Fact]
    public void Invalid_options_are_rejected_before_anything_is_created()
    {
        var path = _directory.Combine("invalid");

        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { WalEnabled = false }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { BlockCacheBytes = 0 }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { BloomBitsPerKey = double.NaN }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { WriteBufferBytes = 1024 }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { BackgroundJobs = 0 }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(path) with { Compression = (RocksDbCompression)3 }));
        Assert.Throws<ArgumentException>(() => RocksDbStore.Open(Options(" ")));
        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void Every_compression_choice_and_a_disabled_bloom_filter_work()
    {
        foreach (var compression in Enum.GetValues<RocksDbCompression>())
        {
            var path = _directory.Combine($"compression-{compression}");
            using var store = RocksDbStore.Open(Options(path, A) with { Compression = compression, BloomBitsPerKey = 0 });
            PutOne(store, A, "k", new string('v', 10_000));
            store.Flush();
            Assert.Equal(10_000, store.Get(A, Text("k")).Length);
        }
    }

    [Fact]
    public void Listing_column_families_of_a_missing_database_fails()
    {
        Assert.Throws<StorageException>(() => RocksDbStore.ListColumnFamilies(_directory.Combine("nothing")));
    }
}
