using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// Checking and executing a block of signed transfers as a validator receiving it: structure, link, last commit,
/// every signature (recovered in parallel, with a cold sender cache so every signature is checked), execution,
/// state tree update and roots. Goal: at least 20,000 transactions per second on 2 cores.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class BlockExecutionBenchmarks
{
    private BenchChain _chain = null!;
    private Block _block = null!;

    [Params(1_000, 10_000)]
    public int Transactions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _chain = new BenchChain(BenchChain.NewMemoryStore(), accounts: 10_000);

        // Warm the chain with one committed block so the next one carries a last commit to verify.
        var (warm, warmResult) = _chain.Propose(_chain.Transfers(1_000, seed: 1));
        _chain.Commit(warm, warmResult);
        (_block, _) = _chain.Propose(_chain.Transfers(Transactions, seed: 2));
    }

    [IterationSetup]
    public void ColdSignatureCache() => _chain.Executor = new BlockExecutor(_chain.Rules, new SenderCache());

    [Benchmark(Description = "check + execute block (signatures included)")]
    public BlockExecutionResult CheckAndExecute()
    {
        var outcome = _chain.Executor.TryExecute(_chain.Store.Head, _block, out var result);
        return outcome.IsSuccess ? result! : throw new InvalidOperationException(outcome.ToString());
    }
}
