namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>The metric a benchmark's verdict is decided by, and its unit.</summary>
public enum BenchmarkMetric : byte
{
    /// <summary>Basis points; accepted when correct · 10,000 ≥ threshold · n.</summary>
    Accuracy = 1,

    /// <summary>Basis points, of the positive label or macro-averaged; accepted when ≥ threshold.</summary>
    Precision = 2,

    /// <summary>Basis points, of the positive label or macro-averaged; accepted when ≥ threshold.</summary>
    Recall = 3,

    /// <summary>Basis points, of the positive label or macro-averaged; accepted when ≥ threshold.</summary>
    F1 = 4,

    /// <summary>Micro-units; accepted when ≤ threshold.</summary>
    MeanSquaredError = 5,

    /// <summary>Micro-units; accepted when ≤ threshold.</summary>
    MeanAbsoluteError = 6,
}
