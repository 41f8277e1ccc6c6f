using BenchmarkDotNet.Attributes;
using DaiChain.Consensus.Engine;
using DaiChain.ConsensusSim;

namespace DaiChain.Benchmarks.Consensus;

/// <summary>
/// Simulated heights per second: four honest validators (N4F0 without faults) decide <see cref="Heights"/> empty
/// blocks in the deterministic simulation, on one thread, with real secp256k1 signatures. Every vote and proposal
/// is signed once; each distinct signature is verified once per run (a fresh verification cache per run, shared by
/// the four nodes). With <see cref="Ledger"/> the nodes run the real ledger (execution, state tree, chain store
/// over a memory store) instead of the simulation's lightweight application.
/// </summary>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
[MemoryDiagnoser]
public class SimulatedHeightsBenchmarks
{
    private const int Heights = 20;

    private Scenario _scenario = null!;

    [Params(false, true)]
    public bool Ledger { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scenario = Scenarios.N4F0 with
        {
            Name = Ledger ? "N4F0Ledger" : "N4F0",
            Crashes = 0,
            Faulty = NetworkConditions.Good,
            HealAtMs = 0,
            TargetHeight = Heights,
            Ledger = Ledger,
            ClientTransactions = false,
            Powers = [10, 10, 10, 10],
        };
    }

    /// <summary>One run of <see cref="Heights"/> heights; the reported time is per height.</summary>
    [Benchmark(OperationsPerInvoke = Heights)]
    public ulong N4F0_empty_blocks()
    {
        var result = new SimRun(_scenario, seed: 1, verifier: new CachingSignatureVerifier(Secp256k1SignatureVerifier.Instance)).Run();
        if (!result.Passed || result.Stats.MinHonestHeight < Heights)
        {
            throw new InvalidOperationException(result.ToString());
        }

        return result.Stats.MinHonestHeight;
    }
}
