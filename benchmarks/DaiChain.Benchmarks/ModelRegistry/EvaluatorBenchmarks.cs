using BenchmarkDotNet.Attributes;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Evaluation.Runtime;

namespace DaiChain.Benchmarks.ModelRegistry;

/// <summary>
/// Rows per second of the deterministic evaluator on a prepared model (parsed, pruned, planned), single-threaded:
/// logistic regression and a 100-tree forest on 30 tabular features, an MLP 784-256-128-10 and a small CNN on
/// 1×28×28. Each invocation scores <see cref="Rows"/> rows, so the reported time is per row. The MLP figure is
/// compared with <c>benchmarks/native/mlp_numpy.py</c> (same layer sizes and batch) for the numpy ratio.
/// </summary>
/// <remarks>
/// Measured on the project machine (AMD EPYC, 2 cores shared with other builds, .NET 10.0.12, load ≈ 4):
/// logistic regression 335 ns/row (≈ 3.0M rows/s), 100-tree forest of depth 8 6.5 µs/row (≈ 153k rows/s),
/// MLP 31.5 µs/row (≈ 32k rows/s, ≈ 7.5·10^9 multiply-adds/s in double), CNN 164 µs/row (≈ 6.1k rows/s). numpy 1.24 with
/// Debian's reference BLAS (libblas3; no OpenBLAS installed) runs the same MLP at 69 µs/row: the evaluator
/// is ≈ 2.2× faster than that numpy, which an optimised BLAS would reverse.
/// </remarks>
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 5)]
public class EvaluatorBenchmarks
{
    public const int Rows = 1024;

    private ScoringSession _logistic = null!;
    private ScoringSession _forest = null!;
    private ScoringSession _mlp = null!;
    private ScoringSession _cnn = null!;
    private BenchmarkDataset _tabular = null!;
    private BenchmarkDataset _pixels = null!;
    private BenchmarkDataset _images = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var labels = Enumerable.Range(0, Rows).Select(i => (long)(i % 2)).ToArray();
        _tabular = BenchmarkDataset.ForClassification([BenchmarkModels.TabularFeatures], BenchmarkModels.Values(random, Rows * BenchmarkModels.TabularFeatures, 1f), labels);
        _pixels = BenchmarkDataset.ForClassification([BenchmarkModels.MlpLayers[0]], BenchmarkModels.Values(random, Rows * BenchmarkModels.MlpLayers[0], 1f), labels);
        _images = BenchmarkDataset.ForClassification([1, 28, 28], BenchmarkModels.Values(random, Rows * 784, 1f), labels);
        var evaluator = new Evaluator();
        _logistic = evaluator.Prepare(BenchmarkModels.LogisticRegression(random), _tabular, Spec("probabilities"));
        _forest = evaluator.Prepare(BenchmarkModels.RandomForest(random), _tabular, Spec("probabilities"));
        _mlp = evaluator.Prepare(BenchmarkModels.Mlp(random), _pixels, Spec("probabilities"));
        _cnn = evaluator.Prepare(BenchmarkModels.Cnn(random), _images, Spec("scores"));
    }

    [Benchmark(OperationsPerInvoke = Rows)]
    public object LogisticRegression() => _logistic.Run(_tabular.Features, 1);

    [Benchmark(OperationsPerInvoke = Rows)]
    public object RandomForest100Trees() => _forest.Run(_tabular.Features, 1);

    [Benchmark(OperationsPerInvoke = Rows)]
    public object Mlp784x256x128x10() => _mlp.Run(_pixels.Features, 1);

    [Benchmark(OperationsPerInvoke = Rows)]
    public object SmallCnn28x28() => _cnn.Run(_images.Features, 1);

    private static BenchmarkSpec Spec(string output) => new()
    {
        ScoredOutput = output,
        Task = BenchmarkTask.Classification,
        Metric = BenchmarkMetric.Accuracy,
        Threshold = 0,
    };
}
