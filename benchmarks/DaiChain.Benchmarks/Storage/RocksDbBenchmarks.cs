using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using DaiChain.Ledger.Storage;

namespace DaiChain.Benchmarks.Storage;

/// <summary>
/// RocksDbStore throughput with the default options (bloom filter 10 bits/key, 256 MiB cache, WAL on, LZ4):
/// 1,000-key batches of 32-byte keys and 200-byte values, unsynced and synced, and point reads of present and
/// absent keys from flushed table files. One operation is one key, so Op/s is keys per second.
/// </summary>
[Config(typeof(KeysPerSecondConfig))]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class RocksDbBenchmarks
{
    private const int KeysPerBatch = 1_000;
    private const int KeyBytes = 32;
    private const int ValueBytes = 200;
    private const int PreloadedKeys = 200_000;
    private const int Lookups = 1_000;

    private static readonly ColumnFamily State = new("state");

    private readonly Random _random = new(20_240_601);
    private readonly byte[] _value = new byte[ValueBytes];
    private readonly byte[] _keys = new byte[KeysPerBatch * KeyBytes];
    private ulong _keySeed = 20_240_601;
    private string _path = string.Empty;
    private RocksDbStore? _store;
    private byte[][] _present = [];
    private byte[][] _absent = [];

    private RocksDbStore Store => _store ?? throw new InvalidOperationException("setup did not run");

    [GlobalSetup(Targets = [nameof(BatchUnsynced), nameof(BatchSynced)])]
    public void SetUpWrites() => Open();

    [GlobalSetup(Targets = [nameof(GetPresent), nameof(GetAbsent)])]
    public void SetUpReads()
    {
        Open();
        var stored = new List<byte[]>(PreloadedKeys);
        for (var written = 0; written < PreloadedKeys; written += KeysPerBatch)
        {
            WriteRandomBatch(sync: false, stored);
        }

        // Reads must go through table files (and their bloom filters), not the memtable.
        Store.Flush();
        _present = [.. Enumerable.Range(0, Lookups).Select(_ => stored[_random.Next(stored.Count)])];
        _absent = [.. Enumerable.Range(0, Lookups).Select(_ => RandomKey())];
    }

    [GlobalCleanup]
    public void CleanUp()
    {
        _store?.Dispose();
        _store = null;
        Directory.Delete(_path, recursive: true);
    }

    [Benchmark(OperationsPerInvoke = KeysPerBatch)]
    public void BatchUnsynced() => WriteRandomBatch(sync: false, stored: null);

    [Benchmark(OperationsPerInvoke = KeysPerBatch)]
    public void BatchSynced() => WriteRandomBatch(sync: true, stored: null);

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GetPresent()
    {
        var found = 0;
        foreach (var key in _present)
        {
            found += Store.TryGet(State, key, out var value) ? value.Length : 0;
        }

        return found;
    }

    [Benchmark(OperationsPerInvoke = Lookups)]
    public int GetAbsent()
    {
        var found = 0;
        foreach (var key in _absent)
        {
            found += Store.TryGet(State, key, out _) ? 1 : 0;
        }

        return found;
    }

    private void Open()
    {
        _path = Path.Combine(Path.GetTempPath(), "daichain-bench", Guid.NewGuid().ToString("N"));
        _random.NextBytes(_value);
        _store = RocksDbStore.Open(new RocksDbOptions { Path = _path, ColumnFamilies = [State] });
    }

    private void WriteRandomBatch(bool sync, List<byte[]>? stored)
    {
        // Random keys, like the SHA-256-keyed state they stand for. Building the batch is part of the cost;
        // making the keys is not, so they come from a few SplitMix64 rounds rather than System.Random.
        var words = MemoryMarshal.Cast<byte, ulong>(_keys.AsSpan());
        for (var i = 0; i < words.Length; i++)
        {
            words[i] = SplitMix64(ref _keySeed);
        }

        var batch = new WriteBatch();
        for (var i = 0; i < KeysPerBatch; i++)
        {
            var key = _keys.AsSpan(i * KeyBytes, KeyBytes);
            batch.Put(State, key, _value);
            stored?.Add(key.ToArray());
        }

        Store.Write(batch, sync);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private byte[] RandomKey()
    {
        var key = new byte[KeyBytes];
        _random.NextBytes(key);
        return key;
    }

    private sealed class KeysPerSecondConfig : ManualConfig
    {
        public KeysPerSecondConfig() => AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
