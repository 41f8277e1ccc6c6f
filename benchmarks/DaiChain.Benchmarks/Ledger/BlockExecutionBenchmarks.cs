using BenchmarkDotNet.Attributes;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Benchmarks.Ledger;

/// <summary>
/// Checking and executing a block of signed transfers as a validator receiving it: structure, link, last commit,
/// every signature (recovered in parallel), execution, state tree update and roots. Goal: at least 20,000
/// transactions per second on 2 cores.
/// </summary>
/// <remarks>
/// Cold: a new sender cache every iteration, so every signature is recovered (a validator that never saw the
/// transactions; the honest figure for the goal). Warm: every sender already cached, as for a validator whose
/// mempool admitted the transactions. "Recover only" is the signature work alone, on all cores: the ceiling.
/// </remarks>
[Config(typeof(ShortInProcessConfig))]
public class BlockExecutionBenchmarks
{
    private BenchChain _chain = null!;
    private Block _block = null!;
    private SenderCache _warm = null!;

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
        _warm = new SenderCache();
        foreach (var transaction in _block.Transactions)
        {
            _warm.TryGetOrRecover(transaction, out _);
        }
    }

    [IterationSetup(Target = nameof(CheckAndExecuteCold))]
    public void ColdSignatureCache() => _chain.Executor = new BlockExecutor(_chain.Rules, new SenderCache());

    [IterationSetup(Target = nameof(CheckAndExecuteWarm))]
    public void WarmSignatureCache() => _chain.Executor = new BlockExecutor(_chain.Rules, _warm);

    [Benchmark(Description = "check + execute, cold signature cache")]
    public BlockExecutionResult CheckAndExecuteCold() => CheckAndExecute();

    [Benchmark(Description = "check + execute, warm signature cache")]
    public BlockExecutionResult CheckAndExecuteWarm() => CheckAndExecute();

    [Benchmark(Description = "recover only (all cores)")]
    public int RecoverOnly()
    {
        var recovered = 0;
        Parallel.ForEach(_block.Transactions, transaction =>
        {
            if (transaction.TryRecoverSender(out Address _))
            {
                Interlocked.Increment(ref recovered);
            }
        });
        return recovered;
    }

    private BlockExecutionResult CheckAndExecute()
    {
        var outcome = _chain.Executor.TryExecute(_chain.Store.Head, _block, out var result);
        return outcome.IsSuccess ? result! : throw new InvalidOperationException(outcome.ToString());
    }
}
