using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Tests.Storage;

/// <summary>
/// The contract of <see cref="IKeyValueStore"/>, run unchanged on every implementation: a subclass supplies the
/// store and adds backend-specific tests.
/// </summary>
public abstract class KeyValueStoreConformanceTests : IDisposable
{
    protected static readonly ColumnFamily A = new("a");
    protected static readonly ColumnFamily B = new("b");

    private IKeyValueStore? _store;

    protected IKeyValueStore Store => _store ??= OpenStore([A, B]);

    /// <summary>Opens a fresh, empty store with the given column families (tests may call it more than once).</summary>
    protected abstract IKeyValueStore OpenStore(IReadOnlyList<ColumnFamily> families);

    public void Dispose()
    {
        _store?.Dispose();
        Cleanup();
        GC.SuppressFinalize(this);
    }

    protected virtual void Cleanup()
    {
    }

    protected static byte[] Bytes(params byte[] bytes) => bytes;

    protected static byte[] Text(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    protected void Put(ColumnFamily family, byte[] key, byte[] value)
    {
        var batch = new WriteBatch();
        batch.Put(family, key, value);
        Store.Write(batch, sync: false);
    }

    protected void Delete(ColumnFamily family, byte[] key)
    {
        var batch = new WriteBatch();
        batch.Delete(family, key);
        Store.Write(batch, sync: false);
    }

    protected static string[] Keys(IEnumerable<KeyValueEntry> entries) =>
        [.. entries.Select(e => Convert.ToHexString(e.Key))];

    [Fact]
    public void Put_then_get_returns_the_value()
    {
        Put(A, Text("k"), Text("v"));

        Assert.Equal(Text("v"), Store.Get(A, Text("k")));
        Assert.True(Store.TryGet(A, Text("k"), out var value));
        Assert.Equal(Text("v"), value);
        Assert.True(Store.Contains(A, Text("k")));
    }

    [Fact]
    public void Absent_key_is_reported_as_absent_by_every_read()
    {
        Put(A, Text("present"), Text("v"));

        Assert.Throws<KeyNotFoundException>(() => Store.Get(A, Text("absent")));
        Assert.False(Store.TryGet(A, Text("absent"), out var value));
        Assert.Null(value);
        Assert.False(Store.Contains(A, Text("absent")));
    }

    [Fact]
    public void Empty_value_is_present_and_distinct_from_an_absent_key()
    {
        Put(A, Text("empty"), []);

        Assert.True(Store.Contains(A, Text("empty")));
        Assert.True(Store.TryGet(A, Text("empty"), out var value));
        Assert.Empty(value);
        Assert.Empty(Store.Get(A, Text("empty")));
        Assert.Equal([Convert.ToHexString(Text("empty"))], Keys(Store.Range(A, null, null)));
    }

    [Fact]
    public void Empty_key_is_a_valid_key_that_sorts_first()
    {
        Put(A, Bytes(0x00), Text("zero"));
        Put(A, [], Text("empty key"));

        Assert.Equal(Text("empty key"), Store.Get(A, []));
        Assert.Equal(["", "00"], Keys(Store.Range(A, null, null)));
        Assert.Equal(["00", ""], Keys(Store.Prefix(A, [], ScanDirection.Reverse)));
        Assert.Equal([""], Keys(Store.Range(A, [], Bytes(0x00), ScanDirection.Reverse)));
        Assert.Empty(Store.Range(A, null, [], ScanDirection.Reverse));
        Assert.Empty(Store.Range(A, null, []));
    }

    [Fact]
    public void Put_overwrites_an_existing_value()
    {
        Put(A, Text("k"), Text("one"));
        Put(A, Text("k"), Text("two"));

        Assert.Equal(Text("two"), Store.Get(A, Text("k")));
        Assert.Single(Store.Range(A, null, null));
    }

    [Fact]
    public void Delete_removes_the_key_and_deleting_an_absent_key_is_not_an_error()
    {
        Put(A, Text("k"), Text("v"));

        Delete(A, Text("k"));
        Delete(A, Text("never there"));

        Assert.False(Store.Contains(A, Text("k")));
        Assert.Empty(Store.Range(A, null, null));
    }

    [Fact]
    public void Later_operation_on_the_same_key_in_one_batch_wins()
    {
        var batch = new WriteBatch();
        batch.Put(A, Text("deleted"), Text("v"));
        batch.Delete(A, Text("deleted"));
        batch.Delete(A, Text("put"));
        batch.Put(A, Text("put"), Text("first"));
        batch.Put(A, Text("put"), Text("second"));

        Store.Write(batch, sync: false);

        Assert.False(Store.Contains(A, Text("deleted")));
        Assert.Equal(Text("second"), Store.Get(A, Text("put")));
    }

    [Fact]
    public void Column_families_are_independent_key_spaces()
    {
        Put(A, Text("k"), Text("in a"));
        Put(B, Text("k"), Text("in b"));
        Delete(B, Text("k"));

        Assert.Equal(Text("in a"), Store.Get(A, Text("k")));
        Assert.False(Store.Contains(B, Text("k")));
        Assert.False(Store.Contains(ColumnFamily.Default, Text("k")));
    }

    [Fact]
    public void Default_column_family_is_always_open_and_listed_first()
    {
        Assert.Equal([ColumnFamily.Default, A, B], Store.ColumnFamilies);

        Put(ColumnFamily.Default, Text("k"), Text("v"));

        Assert.Equal(Text("v"), Store.Get(ColumnFamily.Default, Text("k")));
    }

    [Fact]
    public void Batch_writes_every_column_family_together()
    {
        var batch = new WriteBatch();
        batch.Put(A, Text("a1"), Text("1"));
        batch.Put(B, Text("b1"), Text("2"));
        batch.Put(ColumnFamily.Default, Text("d1"), Text("3"));
        using var before = Store.CreateSnapshot();

        Store.Write(batch, sync: true);

        Assert.Equal(Text("1"), Store.Get(A, Text("a1")));
        Assert.Equal(Text("2"), Store.Get(B, Text("b1")));
        Assert.Equal(Text("3"), Store.Get(ColumnFamily.Default, Text("d1")));
        Assert.False(before.Contains(A, Text("a1")));
        Assert.False(before.Contains(B, Text("b1")));
    }

    [Fact]
    public void Batch_naming_an_undeclared_column_family_is_rejected_and_writes_nothing()
    {
        var batch = new WriteBatch();
        batch.Put(A, Text("k"), Text("v"));
        batch.Put(new ColumnFamily("undeclared"), Text("k"), Text("v"));

        Assert.Throws<ArgumentException>(() => Store.Write(batch, sync: false));

        Assert.False(Store.Contains(A, Text("k")));
    }

    [Fact]
    public void Reads_of_an_undeclared_column_family_are_rejected()
    {
        var undeclared = new ColumnFamily("undeclared");

        Assert.Throws<ArgumentException>(() => Store.Get(undeclared, Text("k")));
        Assert.Throws<ArgumentException>(() => Store.Contains(undeclared, Text("k")));
        Assert.Throws<ArgumentException>(() => Store.Range(undeclared, null, null));
        Assert.Throws<ArgumentException>(() => Store.Prefix(undeclared, Text("k")));
    }

    [Fact]
    public void Empty_batch_is_accepted()
    {
        Store.Write(new WriteBatch(), sync: true);
        Store.Write(new WriteBatch(), sync: false);

        Assert.Empty(Store.Range(A, null, null));
    }

    [Fact]
    public void Returned_arrays_are_copies_owned_by_the_caller()
    {
        Put(A, Text("k"), Text("value"));

        Store.Get(A, Text("k"))[0] = (byte)'X';
        var scanned = Store.Range(A, null, null).Single();
        scanned.Key[0] = (byte)'X';
        scanned.Value[0] = (byte)'X';

        Assert.Equal(Text("value"), Store.Get(A, Text("k")));
        Assert.True(Store.Contains(A, Text("k")));
    }

    [Fact]
    public void Batch_copies_keys_and_values_when_they_are_added()
    {
        var key = Text("k");
        var value = Text("value");
        var batch = new WriteBatch();
        batch.Put(A, key, value);
        key[0] = (byte)'X';
        value[0] = (byte)'X';

        Store.Write(batch, sync: false);

        Assert.Equal(Text("value"), Store.Get(A, Text("k")));
    }

    [Fact]
    public void Keys_are_ordered_as_unsigned_bytes_with_prefixes_first()
    {
        byte[][] keys = [Bytes(0xFF), Bytes(0x80), Bytes(0x7F), Bytes(0x00, 0x00), Bytes(0x00), Bytes(0x01), Bytes(0x00, 0xFF), Bytes(0xFF, 0x00)];
        var batch = new WriteBatch();
        foreach (var key in keys)
        {
            batch.Put(A, key, key);
        }

        Store.Write(batch, sync: false);

        string[] ascending = ["00", "0000", "00FF", "01", "7F", "80", "FF", "FF00"];
        Assert.Equal(ascending, Keys(Store.Range(A, null, null)));
        Assert.Equal(ascending.Reverse(), Keys(Store.Range(A, null, null, ScanDirection.Reverse)));
        Assert.All(Store.Range(A, null, null), e => Assert.Equal(e.Key, e.Value));
    }

    [Fact]
    public void Range_is_half_open_in_both_directions()
    {
        WriteKeys(A, 0x10, 0x20, 0x30, 0x40);

        Assert.Equal(["20", "30"], Keys(Store.Range(A, Bytes(0x20), Bytes(0x40))));
        Assert.Equal(["30", "20"], Keys(Store.Range(A, Bytes(0x20), Bytes(0x40), ScanDirection.Reverse)));
        Assert.Equal(["20", "30"], Keys(Store.Range(A, Bytes(0x11), Bytes(0x31))));
        Assert.Equal(["30", "20"], Keys(Store.Range(A, Bytes(0x11), Bytes(0x31), ScanDirection.Reverse)));
    }

    [Fact]
    public void Null_bounds_leave_a_range_open_on_that_side()
    {
        WriteKeys(A, 0x10, 0x20, 0x30);

        Assert.Equal(["10", "20"], Keys(Store.Range(A, null, Bytes(0x30))));
        Assert.Equal(["20", "30"], Keys(Store.Range(A, Bytes(0x20), null)));
        Assert.Equal(["30", "20"], Keys(Store.Range(A, Bytes(0x20), null, ScanDirection.Reverse)));
        Assert.Equal(["20", "10"], Keys(Store.Range(A, null, Bytes(0x30), ScanDirection.Reverse)));
    }

    [Fact]
    public void Empty_and_inverted_ranges()
    {
        WriteKeys(A, 0x10, 0x20);

        Assert.Empty(Store.Range(A, Bytes(0x20), Bytes(0x20)));
        Assert.Empty(Store.Range(A, null, []));
        Assert.Empty(Store.Range(A, [], [], ScanDirection.Reverse));
        Assert.Empty(Store.Range(A, Bytes(0x11), Bytes(0x12), ScanDirection.Reverse));
        Assert.Equal(["10", "20"], Keys(Store.Range(A, [], null)));
        Assert.Throws<ArgumentException>(() => Store.Range(A, Bytes(0x20), Bytes(0x10)));
    }

    [Fact]
    public void Range_bounds_at_FF_bytes_are_exact()
    {
        WriteKeys(A, 0xFE);
        WriteKeys(A, [0xFF], [0xFF, 0x00], [0xFF, 0xFF], [0xFF, 0xFF, 0xFF]);

        Assert.Equal(["FF", "FF00"], Keys(Store.Range(A, Bytes(0xFF), Bytes(0xFF, 0xFF))));
        Assert.Equal(["FFFF", "FFFFFF"], Keys(Store.Range(A, Bytes(0xFF, 0xFF), null)));
        Assert.Equal(["FFFFFF", "FFFF"], Keys(Store.Range(A, Bytes(0xFF, 0xFF), null, ScanDirection.Reverse)));
        Assert.Equal(["FE", "FF", "FF00", "FFFF"], Keys(Store.Range(A, null, Bytes(0xFF, 0xFF, 0xFF))));
    }

    [Fact]
    public void Prefix_scan_returns_exactly_the_keys_with_the_prefix()
    {
        WriteKeys(A, [0x01], [0x01, 0x02], [0x02], [0x02, 0x00], [0x02, 0xFF], [0x02, 0xFF, 0xFF], [0x03], [0x03, 0x00]);

        Assert.Equal(["02", "0200", "02FF", "02FFFF"], Keys(Store.Prefix(A, Bytes(0x02))));
        Assert.Equal(["02FFFF", "02FF", "0200", "02"], Keys(Store.Prefix(A, Bytes(0x02), ScanDirection.Reverse)));
        Assert.Equal(["02FF", "02FFFF"], Keys(Store.Prefix(A, Bytes(0x02, 0xFF))));
        Assert.Empty(Store.Prefix(A, Bytes(0x04)));
    }

    [Fact]
    public void Prefix_of_FF_bytes_runs_to_the_end_of_the_key_space()
    {
        WriteKeys(A, [0xFE, 0xFF], [0xFF], [0xFF, 0x00], [0xFF, 0xFF], [0xFF, 0xFF, 0x00], [0xFF, 0xFF, 0xFF, 0xFF]);

        Assert.Equal(["FF", "FF00", "FFFF", "FFFF00", "FFFFFFFF"], Keys(Store.Prefix(A, Bytes(0xFF))));
        Assert.Equal(["FFFF", "FFFF00", "FFFFFFFF"], Keys(Store.Prefix(A, Bytes(0xFF, 0xFF))));
        Assert.Equal(["FFFFFFFF", "FFFF00", "FFFF"], Keys(Store.Prefix(A, Bytes(0xFF, 0xFF), ScanDirection.Reverse)));
        Assert.Equal(["FFFFFFFF"], Keys(Store.Prefix(A, Bytes(0xFF, 0xFF, 0xFF))));
    }

    [Fact]
    public void Empty_prefix_scans_the_whole_column_family_only()
    {
        WriteKeys(A, 0x00, 0x80, 0xFF);
        WriteKeys(B, 0x42);

        Assert.Equal(["00", "80", "FF"], Keys(Store.Prefix(A, [])));
        Assert.Equal(["FF", "80", "00"], Keys(Store.Prefix(A, [], ScanDirection.Reverse)));
    }

    [Fact]
    public void Scan_sees_the_store_as_it_was_when_enumeration_started()
    {
        WriteKeys(A, 0x10, 0x20, 0x30);

        using var scan = Store.Range(A, null, null).GetEnumerator();
        Assert.True(scan.MoveNext());
        Delete(A, Bytes(0x20));
        WriteKeys(A, 0x25);
        var rest = new List<string>();
        while (scan.MoveNext())
        {
            rest.Add(Convert.ToHexString(scan.Current.Key));
        }

        Assert.Equal(["20", "30"], rest);
        Assert.Equal(["10", "25", "30"], Keys(Store.Range(A, null, null)));
    }

    [Fact]
    public void Snapshot_does_not_see_later_writes()
    {
        Put(A, Text("kept"), Text("old"));
        Put(B, Text("deleted"), Text("old"));
        using var snapshot = Store.CreateSnapshot();

        var batch = new WriteBatch();
        batch.Put(A, Text("kept"), Text("new"));
        batch.Put(A, Text("added"), Text("new"));
        batch.Delete(B, Text("deleted"));
        Store.Write(batch, sync: false);

        Assert.Equal(Text("old"), snapshot.Get(A, Text("kept")));
        Assert.False(snapshot.Contains(A, Text("added")));
        Assert.True(snapshot.TryGet(B, Text("deleted"), out var value));
        Assert.Equal(Text("old"), value);
        Assert.Equal([Convert.ToHexString(Text("kept"))], Keys(snapshot.Range(A, null, null)));
        Assert.Equal([Convert.ToHexString(Text("deleted"))], Keys(snapshot.Prefix(B, Text("del"), ScanDirection.Reverse)));
        Assert.Equal(Text("new"), Store.Get(A, Text("kept")));
        Assert.Equal(Store.ColumnFamilies, snapshot.ColumnFamilies);
    }

    [Fact]
    public void Snapshots_are_independent_of_each_other()
    {
        Put(A, Text("k"), Text("1"));
        using var first = Store.CreateSnapshot();
        Put(A, Text("k"), Text("2"));
        using var second = Store.CreateSnapshot();
        Put(A, Text("k"), Text("3"));

        first.Dispose();

        Assert.Equal(Text("2"), second.Get(A, Text("k")));
        Assert.Equal(Text("3"), Store.Get(A, Text("k")));
    }

    [Fact]
    public void Snapshot_cannot_be_used_after_it_or_its_store_is_disposed()
    {
        var snapshot = Store.CreateSnapshot();
        snapshot.Dispose();
        snapshot.Dispose();

        Assert.Throws<ObjectDisposedException>(() => snapshot.Get(A, Text("k")));
        Assert.Throws<ObjectDisposedException>(() => snapshot.Range(A, null, null).ToList());

        using var other = Store.CreateSnapshot();
        Store.Dispose();
        Assert.Throws<ObjectDisposedException>(() => other.Contains(A, Text("k")));
    }

    [Fact]
    public void Store_cannot_be_used_after_it_is_disposed()
    {
        Store.Dispose();
        Store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => Store.Get(A, Text("k")));
        Assert.Throws<ObjectDisposedException>(() => Store.TryGet(A, Text("k"), out _));
        Assert.Throws<ObjectDisposedException>(() => Store.Prefix(A, Text("k")).ToList());
        Assert.Throws<ObjectDisposedException>(() => Store.Write(new WriteBatch(), sync: false));
        Assert.Throws<ObjectDisposedException>(Store.CreateSnapshot);
    }

    [Fact]
    public void Scan_started_before_the_store_is_disposed_runs_to_its_end()
    {
        WriteKeys(A, 0x01, 0x02, 0x03);
        using var scan = Store.Prefix(A, []).GetEnumerator();
        Assert.True(scan.MoveNext());

        Store.Dispose();

        Assert.True(scan.MoveNext());
        Assert.True(scan.MoveNext());
        Assert.Equal([0x03], scan.Current.Key);
        Assert.False(scan.MoveNext());
    }

    [Fact]
    public void Keys_longer_than_the_limit_are_rejected_on_read()
    {
        var tooLong = new byte[WriteBatch.KeyBytesMax + 1];

        Assert.Throws<ArgumentException>(() => Store.Contains(A, tooLong));
        Assert.Throws<ArgumentException>(() => Store.Prefix(A, tooLong));
    }

    [Fact]
    public void Longest_key_and_a_large_value_round_trip()
    {
        var key = Enumerable.Range(0, WriteBatch.KeyBytesMax).Select(i => (byte)i).ToArray();
        var value = Enumerable.Range(0, 1 << 20).Select(i => (byte)(i * 7)).ToArray();

        Put(A, key, value);

        Assert.Equal(value, Store.Get(A, key));
        Assert.Equal(key, Store.Prefix(A, key.AsSpan(0, 100)).Single().Key);
    }

    [Fact]
    public void Declaring_a_column_family_twice_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => OpenStore([A, A]).Dispose());
    }

    [Fact]
    public async Task Concurrent_readers_never_see_part_of_a_batch()
    {
        const int Batches = 200;
        var store = Store; // open once, before any task races the lazy property
        var failures = 0;
        var writer = Task.Run(() =>
        {
            for (var i = 1; i <= Batches; i++)
            {
                var batch = new WriteBatch();
                var value = BitConverter.GetBytes(i);
                batch.Put(A, Text("x"), value);
                batch.Put(B, Text("y"), value);
                batch.Put(A, Text("z"), value);
                store.Write(batch, sync: false);
            }
        });

        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!writer.IsCompleted)
            {
                using var snapshot = store.CreateSnapshot();
                var x = snapshot.TryGet(A, Text("x"), out var vx) ? BitConverter.ToInt32(vx) : 0;
                var y = snapshot.TryGet(B, Text("y"), out var vy) ? BitConverter.ToInt32(vy) : 0;
                var scanned = snapshot.Range(A, null, null).Select(e => BitConverter.ToInt32(e.Value)).ToArray();
                if (x != y || scanned.Any(v => v != x))
                {
                    Interlocked.Increment(ref failures);
                }

                // Plain reads race the writer, but a scan alone is one consistent view.
                var live = store.Range(A, null, null).Select(e => BitConverter.ToInt32(e.Value)).ToArray();
                if (live.Length == 2 && live[0] != live[1])
                {
                    Interlocked.Increment(ref failures);
                }
            }
        })).ToArray();

        await Task.WhenAll([writer, .. readers]).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(0, failures);
        Assert.Equal(BitConverter.GetBytes(Batches), store.Get(B, Text("y")));
    }

    private void WriteKeys(ColumnFamily family, params byte[] singleByteKeys)
    {
        var batch = new WriteBatch();
        foreach (var key in singleByteKeys)
        {
            batch.Put(family, [key], [key]);
        }

        Store.Write(batch, sync: false);
    }

    private void WriteKeys(ColumnFamily family, params byte[][] keys)
    {
        var batch = new WriteBatch();
        foreach (var key in keys)
        {
            batch.Put(family, key, key);
        }

        Store.Write(batch, sync: false);
    }
}
