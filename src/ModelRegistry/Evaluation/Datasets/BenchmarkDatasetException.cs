namespace DaiChain.ModelRegistry.Evaluation.Datasets;

/// <summary>Benchmark dataset bytes that do not follow <c>docs/spec/benchmark-dataset.md</c>, or do not match their commitment.</summary>
/// <remarks>A problem of the benchmark or of the validator's copy of it, never of the model being evaluated.</remarks>
public sealed class BenchmarkDatasetException : Exception
{
    public BenchmarkDatasetException()
    {
    }

    public BenchmarkDatasetException(string message)
        : base(message)
    {
    }

    public BenchmarkDatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
