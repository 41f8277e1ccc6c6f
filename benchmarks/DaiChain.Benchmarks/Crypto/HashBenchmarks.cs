using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Crypto;

/// <summary>SHA-256 (System.Security.Cryptography, SHA-NI where present) at the sizes DaiChain hashes most, and the sign-bytes digest.</summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class HashBenchmarks
{
    private readonly byte[] _digest = new byte[32];
    private byte[] _small = [];
    private byte[] _kilobyte = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _small = new byte[32];
        _kilobyte = new byte[1024];
        random.NextBytes(_small);
        random.NextBytes(_kilobyte);
    }

    [Benchmark]
    public int Sha256Of32Bytes() => SHA256.HashData(_small, _digest);

    [Benchmark]
    public int Sha256Of1KiB() => SHA256.HashData(_kilobyte, _digest);

    /// <summary>A Merkle node: SHA-256 of two 32-byte hashes through <see cref="Hash256"/>.</summary>
    [Benchmark]
    public Hash256 Hash256OfTwoHashes() => Hash256.Compute(_small, _small);

    /// <summary>The digest a 1 KiB transaction is signed over (tag and chain id prefix).</summary>
    [Benchmark]
    public Hash256 SignBytesDigestOf1KiB() => SignBytes.Digest(SigningDomain.Transaction, "daichain-devnet-1", _kilobyte);
}
