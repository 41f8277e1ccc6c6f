using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.EvalHarness;

/// <summary>One fixture of <c>manifest.json</c>: model and dataset files, the benchmark, and what the framework predicted.</summary>
public sealed record FixtureCase(
    string Name,
    string ModelPath,
    string DatasetPath,
    BenchmarkSpec Spec,
    int Samples,
    IReadOnlyList<long>? ExpectedPredictions,
    long? ExpectedCorrect,
    IReadOnlyList<float>? ExpectedValues);
