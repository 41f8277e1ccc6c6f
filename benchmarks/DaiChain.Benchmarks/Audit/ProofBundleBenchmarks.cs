using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Audit.Bundles;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;

namespace DaiChain.Benchmarks.Audit;

/// <summary>
/// Building a proof bundle of 10 account facts at the head of the 10,000-block chain (read-only RocksDB, proofs from
/// the stored tree) and verifying it with genesis alone (decode, certificate, 10 Merkle proofs).
/// </summary>
[Config(typeof(AuditBenchmarkConfig))]
public class ProofBundleBenchmarks
{
    private RocksDbStore _store = null!;
    private ProofBundleBuilder _builder = null!;
    private TrustedGenesis _genesis = null!;
    private FactKey[] _facts = null!;
    private ulong _height;
    private byte[] _bundle = null!;

    [GlobalSetup]
    public void Setup()
    {
        var folder = AuditBenchChain.Ensure(10_000, 100);
        var path = AuditBenchChain.DatabasePath(folder);
        _store = RocksDbStore.Open(new RocksDbOptions { Path = path, ReadOnly = true, ColumnFamilies = ChainColumns.All, BlockCacheBytes = 64L << 20 });
        var source = new StoreBlockSource(_store, path);
        var chain = new ChainStore(_store, AuditBenchChain.Rules, new ChainStoreOptions { RetainedStateVersions = 0 });
        _genesis = AuditBenchChain.Genesis(folder);
        _builder = new ProofBundleBuilder(source, chain.GetWithProof);
        _height = _builder.NewestProvableHeight();
        _facts = [.. Enumerable.Range(0, 10).Select(i => new FactKey($"account {i}", AccountState.Space, AuditBenchChain.AccountKey(i * 97).Address.ToArray()))];
        _bundle = Build();
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark(Description = "build a bundle of 10 account facts")]
    public byte[] Build() => _builder.Build(_genesis, _height, _facts).Encode();

    [Benchmark(Description = "verify it with genesis alone")]
    public bool Verify() => ProofBundleVerifier.Verify(_bundle, _genesis).IsValid ? true : throw new InvalidOperationException("the bundle does not verify");
}
