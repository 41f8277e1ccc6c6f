using System.Buffers.Binary;
using System.Globalization;
using DaiChain.Ledger.Storage;

namespace DaiChain.ProcessHarness;

/// <summary>
/// <c>rocksdb-writer</c>: writes numbered, synced batches to a RocksDB store and prints <c>ack n</c> after each
/// write returns, so that a test can kill it and check what survived. Batch n puts <c>--keys</c> keys, spread
/// over two column families, whose values are derived from n; the layout is public so tests check it exactly.
/// </summary>
/// <remarks>
/// The writer resumes after the last batch already in the database, so one database can be crashed repeatedly.
/// Output lines: <c>start n</c> (first batch it will write), <c>ack n</c> per batch, <c>done</c>.
/// </remarks>
public static class RocksDbWriter
{
    public const string Command = "rocksdb-writer";

    public const string Usage = "--path P --batches N [--keys K (32)] [--value-bytes V (1024)]";

    /// <summary>Holds the even-numbered keys of each batch.</summary>
    public static readonly ColumnFamily First = new("crash-first");

    /// <summary>Holds the odd-numbered keys of each batch.</summary>
    public static readonly ColumnFamily Second = new("crash-second");

    /// <summary>Store options shared by the writer and the test that reopens its database.</summary>
    public static RocksDbOptions Options(string path) => new()
    {
        Path = path,
        ColumnFamilies = [First, Second],
        SyncWritesByDefault = true,
        BlockCacheBytes = 8L * 1024 * 1024,
        WriteBufferBytes = 4L * 1024 * 1024,
    };

    /// <summary>Key <paramref name="index"/> of batch <paramref name="batch"/>: both numbers big-endian, so keys sort by batch.</summary>
    public static byte[] Key(int batch, int index)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteInt32BigEndian(key, batch);
        BinaryPrimitives.WriteInt32BigEndian(key.AsSpan(4), index);
        return key;
    }

    public static ColumnFamily FamilyOf(int index) => index % 2 == 0 ? First : Second;

    /// <summary>The value of key <paramref name="index"/> in batch <paramref name="batch"/>: a pattern seeded by both.</summary>
    public static byte[] Value(int batch, int index, int length)
    {
        var value = new byte[length];
        var state = (uint)((batch * 1_000_003) ^ (index * 7919)) | 1;
        for (var i = 0; i < value.Length; i++)
        {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            value[i] = (byte)state;
        }

        return value;
    }

    public static WriteBatch Batch(int batch, int keys, int valueBytes)
    {
        var writeBatch = new WriteBatch();
        for (var index = 0; index < keys; index++)
        {
            writeBatch.Put(FamilyOf(index), Key(batch, index), Value(batch, index, valueBytes));
        }

        return writeBatch;
    }

    public static int Run(HarnessArguments arguments)
    {
        var path = arguments.Required("path");
        var batches = arguments.Int32("batches", 0, 1, int.MaxValue);
        var keys = arguments.Int32("keys", 32, 2, 10_000);
        var valueBytes = arguments.Int32("value-bytes", 1024, 0, 1 << 20);
        if (batches == 0)
        {
            throw new ArgumentException("missing --batches");
        }

        using var store = RocksDbStore.Open(Options(path));
        var next = NextBatch(store);
        Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"start {next}"));
        for (var n = next; n < batches; n++)
        {
            store.Write(Batch(n, keys, valueBytes), sync: true);

            // Console.Out flushes every line: the ack reaches the pipe before the next write begins.
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ack {n}"));
        }

        Console.Out.WriteLine("done");
        return 0;
    }

    private static int NextBatch(RocksDbStore store)
    {
        var last = store.Range(First, null, null, ScanDirection.Reverse).Select(e => (int?)BinaryPrimitives.ReadInt32BigEndian(e.Key)).FirstOrDefault();
        return last is { } batch ? batch + 1 : 0;
    }
}
