namespace DaiChain.ModelRegistry.Records;

/// <summary>The metric a benchmark's verdict is decided by; the numbering is the evaluator's (<c>BenchmarkMetric</c>).</summary>
/// <remarks>Classification metrics are in basis points (accepted when ≥ threshold), regression errors in micro-units (accepted when ≤ threshold).</remarks>
public enum BenchmarkMetricKind : byte
{
    Accuracy = 1,
    Precision = 2,
    Recall = 3,
    F1 = 4,
    MeanSquaredError = 5,
    MeanAbsoluteError = 6,
}
