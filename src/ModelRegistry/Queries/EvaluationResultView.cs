namespace DaiChain.ModelRegistry.Queries;

/// <summary>One benchmark's verdict on a version.</summary>
public sealed record EvaluationResultView(string Benchmark, string Verdict, long MetricValue, long Threshold, string ResultHash, ulong Height);
