using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Encoding;

/// <summary>Canonical codec on a ~250-byte transaction-like record. Goal: at least 2M/s each way on one core.</summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 8)]
public class CodecBenchmarks
{
    private TransferLikeRecord _record = null!;
    private byte[] _encoded = [];
    private byte[] _buffer = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var memo = new byte[80];
        random.NextBytes(memo);
        var signature = new byte[65];
        random.NextBytes(signature);
        _record = new TransferLikeRecord(
            "daichain-devnet",
            123_456,
            1,
            new Address(Hash256.Compute("recipient"u8).ToArray().AsSpan(0, 20)),
            5_000_000_000,
            Hash256.Compute("reference"u8),
            memo,
            signature);
        _encoded = Canonical.Encode(_record);
        _buffer = new byte[512];
    }

    [Benchmark]
    public int EncodeIntoBuffer()
    {
        var writer = new CanonicalWriter(_buffer);
        _record.Encode(ref writer);
        var length = writer.Length;
        writer.Dispose();
        return length;
    }

    [Benchmark]
    public byte[] EncodeToArray() => Canonical.Encode(_record);

    [Benchmark]
    public TransferLikeRecord Decode() => Canonical.Decode<TransferLikeRecord>(_encoded);

    public int EncodedLength => _encoded.Length;
}
