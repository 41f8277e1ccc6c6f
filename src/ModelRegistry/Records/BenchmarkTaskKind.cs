namespace DaiChain.ModelRegistry.Records;

/// <summary>What a benchmark asks a model to do; the numbering is the evaluator's (<c>BenchmarkTask</c>).</summary>
public enum BenchmarkTaskKind : byte
{
    Classification = 1,
    Regression = 2,
}
