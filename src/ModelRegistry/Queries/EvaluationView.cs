namespace DaiChain.ModelRegistry.Queries;

/// <summary>A version's evaluation: <c>unevaluated</c> until validators record verdicts, the benchmarks it names, the verdicts so far.</summary>
public sealed record EvaluationView(string Status, IReadOnlyList<string> Benchmarks, IReadOnlyList<EvaluationResultView> Results);
