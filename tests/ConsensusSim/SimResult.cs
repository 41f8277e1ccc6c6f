using System.Globalization;

namespace DaiChain.ConsensusSim;

/// <summary>The outcome of one seeded run: the failed invariants (empty when it passed) and what happened.</summary>
public sealed record SimResult(string Scenario, int Seed, IReadOnlyList<string> Failures, SimStats Stats)
{
    public bool Passed => Failures.Count == 0;

    /// <summary>One line, with the seed, for a failure message or a log.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Scenario} seed {Seed}: {(Passed ? "ok" : "FAILED")} — {Stats}{(Passed ? string.Empty : Environment.NewLine + "  " + string.Join(Environment.NewLine + "  ", Failures))}");
}
