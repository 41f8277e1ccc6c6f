using System.Collections.Concurrent;
using System.Globalization;
using DaiChain.ConsensusSim;

namespace DaiChain.Consensus.Tests.Simulation;

/// <summary>
/// The deterministic simulation over many seeds per scenario (2,200 seeds in all). Every run checks agreement,
/// validity, no honest double-sign, liveness after the heal and evidence for every detectable equivocation.
/// A failure names the scenario and seed; rerun it with
/// <c>dotnet run --project tests/ConsensusSim -c Release -- --scenario NAME --seed S --trace</c>.
/// </summary>
/// <remarks>
/// Set <c>DAICHAIN_SIM_SEEDS_FACTOR</c> to run more seeds (for example 10 for a long local soak).
/// </remarks>
public class SimulationTests
{
    public static TheoryData<string, int> Sweeps => new()
    {
        { "N1", 200 },
        { "N4F0", 400 },
        { "N4F1Byzantine", 400 },
        { "N4Partition2x2", 300 },
        { "N7F2", 200 },
        { "UnequalPower", 300 },
        { "Twins4", 300 },
        { "N4F1Ledger", 100 },
    };

    [Theory]
    [MemberData(nameof(Sweeps))]
    public void Every_seed_keeps_every_invariant(string scenario, int seeds)
    {
        var factor = int.TryParse(Environment.GetEnvironmentVariable("DAICHAIN_SIM_SEEDS_FACTOR"), CultureInfo.InvariantCulture, out var f) && f > 0 ? f : 1;
        var spec = Scenarios.ByName(scenario);
        var failures = new ConcurrentBag<SimResult>();
        Parallel.For(1, (seeds * factor) + 1, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, seed =>
        {
            var result = SimRun.Execute(spec, seed);
            if (!result.Passed)
            {
                failures.Add(result);
            }
        });

        var failed = failures.OrderBy(r => r.Seed).ToList();
        Assert.True(
            failed.Count == 0,
            $"{failed.Count} of {seeds * factor} {scenario} seeds failed (seeds {string.Join(", ", failed.Take(20).Select(r => r.Seed))}); first:{Environment.NewLine}{failed.FirstOrDefault()}{Environment.NewLine}"
            + $"rerun: dotnet run --project tests/ConsensusSim -c Release -- --scenario {scenario} --seed {failed.FirstOrDefault()?.Seed} --trace");
    }

    [Fact]
    public void Scenarios_exercise_their_faults()
    {
        // Guard against a sweep that passes because nothing happens: over a few seeds each scenario does what it says.
        var byzantine = Enumerable.Range(1, 30).Select(seed => SimRun.Execute(Scenarios.N4F1Byzantine, seed)).ToList();
        Assert.Contains(byzantine, r => r.Stats.EvidenceCommitted > 0);
        Assert.Contains(byzantine, r => r.Stats.Byzantine.Contains("Silent", StringComparison.Ordinal));
        Assert.Contains(byzantine, r => r.Stats.Byzantine.Contains("InvalidBlockProposer", StringComparison.Ordinal));
        Assert.Contains(byzantine, r => r.Stats.Byzantine.Contains("EquivocatingProposer", StringComparison.Ordinal));

        var crashes = Enumerable.Range(1, 10).Sum(seed => SimRun.Execute(Scenarios.N4F0, seed).Stats.Crashes);
        Assert.True(crashes >= 10, $"N4F0 crashed {crashes} times in 10 seeds");

        // No side of a 2 | 2 split has a quorum: nothing commits while it lasts (after in-flight messages land), then
        // commits resume after the heal.
        var commits = new List<long>();
        var partition = SimRun.Execute(Scenarios.N4Partition2x2, 1, line =>
        {
            if (line.Contains("committed height", StringComparison.Ordinal))
            {
                commits.Add(long.Parse(line.AsSpan(1, line.IndexOf(" ms]", StringComparison.Ordinal) - 1).Trim(), CultureInfo.InvariantCulture));
            }
        });
        Assert.True(partition.Passed, partition.ToString());
        Assert.DoesNotContain(commits, t => t > Scenarios.N4Partition2x2.PartitionFromMs + 500 && t < Scenarios.N4Partition2x2.HealAtMs);
        Assert.Contains(commits, t => t > Scenarios.N4Partition2x2.HealAtMs);

        var twins = Enumerable.Range(1, 20).Select(seed => SimRun.Execute(Scenarios.Twins4, seed)).ToList();
        Assert.Contains(twins, r => r.Stats.Equivocations > 0 && r.Stats.EvidenceCommitted > 0);
    }
}
