using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Storage;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// Latency of committing one executed block to RocksDB in one synced write batch (block, receipts, indexes,
/// state nodes and values), for an empty block and blocks of 1,000 and 10,000 transfers.
/// </summary>
[Config(typeof(ShortInProcessConfig))]
public class CommitBenchmarks
{
    private string _path = "";
    private RocksDbStore _rocks = null!;
    private BenchChain _chain = null!;
    private Block _block = null!;
    private BlockExecutionResult _result = null!;

    [Params(0, 1_000, 10_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _path = Path.Combine(Path.GetTempPath(), "daichain-bench-commit-" + Guid.NewGuid().ToString("N"));
        _rocks = RocksDbStore.Open(new RocksDbOptions { Path = _path, ColumnFamilies = ChainColumns.All });
        _chain = new BenchChain(_rocks, accounts: 10_000, sync: true);
    }

    [IterationSetup]
    public void NextBlock() => (_block, _result) = _chain.Propose(Transactions == 0 ? [] : _chain.Transfers(Transactions, seed: (int)_chain.Store.Height));

    [Benchmark(Description = "synced commit of one block")]
    public void Commit() => _chain.Commit(_block, _result);

    [GlobalCleanup]
    public void Cleanup()
    {
        _rocks.Dispose();
        Directory.Delete(_path, recursive: true);
    }
}
