using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Crypto;

/// <summary>
/// secp256k1 through the DaiChain API, one call per operation, to compare with the C library's own rates
/// (benchmarks/native/run-secp256k1-bench.sh). Goal: at least 90% of the C figures.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class Secp256k1Benchmarks
{
    private const int ParallelBatch = 256;

    private readonly Secp256k1 _curve = Secp256k1.Shared;
    private PrivateKey _key = null!;
    private PublicKey _publicKey = null!;
    private Hash256 _digest;
    private RecoverableSignature _signature = null!;
    private byte[] _compressedKey = [];
    private Hash256[] _digests = [];
    private RecoverableSignature[] _signatures = [];

    [GlobalSetup]
    public void Setup()
    {
        _key = PrivateKey.FromSeed("benchmarks", 0);
        _publicKey = _key.PublicKey;
        _compressedKey = _publicKey.Compressed.ToArray();
        _digest = Hash256.Compute("benchmark message"u8);
        _signature = _curve.Sign(_key, _digest);
        _digests = Enumerable.Range(0, ParallelBatch).Select(i => Hash256.Compute(BitConverter.GetBytes(i))).ToArray();
        _signatures = _digests.Select(d => _curve.Sign(_key, d)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup() => _key.Dispose();

    /// <summary>RFC 6979 recoverable signature, serialized to the canonical 65 bytes.</summary>
    [Benchmark]
    public RecoverableSignature Sign() => _curve.Sign(_key, _digest);

    /// <summary>Verification against an already parsed key (the common case: validator keys are parsed once).</summary>
    [Benchmark]
    public bool Verify() => _curve.Verify(_publicKey, _digest, _signature);

    /// <summary>Parsing a compressed key (decompression) then verifying.</summary>
    [Benchmark]
    public bool ParseKeyAndVerify() => _curve.Verify(PublicKey.Parse(_compressedKey), _digest, _signature);

    /// <summary>Recovery to a usable <see cref="PublicKey"/> (both serializations and the address).</summary>
    [Benchmark]
    public Address Recover() => _curve.Recover(_digest, _signature).Address;

    [Benchmark]
    public byte[] Ecdh() => _curve.Ecdh(_key, _publicKey);

    /// <summary>Verifications on both cores against one shared context: shows there is no lock to contend for.</summary>
    [Benchmark(OperationsPerInvoke = ParallelBatch)]
    public void VerifyOnTwoThreads() =>
        Parallel.For(0, ParallelBatch, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => _curve.Verify(_publicKey, _digests[i], _signatures[i]));

    /// <summary>Signatures on both cores against one shared context.</summary>
    [Benchmark(OperationsPerInvoke = ParallelBatch)]
    public void SignOnTwoThreads() =>
        Parallel.For(0, ParallelBatch, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i => _curve.Sign(_key, _digests[i]));
}
