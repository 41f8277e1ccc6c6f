using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// What an evaluation result depends on: the artifact, the benchmark (by name and by the hash of its committed
/// definition, which includes the dataset hash) and the evaluator version. Results are cached under it.
/// </summary>
public sealed record EvaluationKey(Hash256 Artifact, string Benchmark, Hash256 SpecHash, string EvaluatorVersion)
{
    /// <summary>The key of evaluating <paramref name="artifact"/> on benchmark <paramref name="benchmark"/> with this node's evaluator.</summary>
    public static EvaluationKey For(Hash256 artifact, string benchmark, BenchmarkSpec spec) =>
        new(artifact, benchmark, Hash256.Compute(Canonical.Encode(spec)), Evaluator.Version);

    /// <summary>A file name for the key: hex SHA-256 of its parts (benchmark names are slugs, so the separator is unambiguous).</summary>
    public string FileName() =>
        Hash256.Compute(System.Text.Encoding.UTF8.GetBytes($"{Artifact}|{Benchmark}|{SpecHash}|{EvaluatorVersion}")).ToString();
}
