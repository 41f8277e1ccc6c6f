using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>One benchmark's result in a <see cref="RecordEvaluationPayload"/>: the benchmark's name and the evaluator's canonical result.</summary>
public sealed record EvaluationRecordEntry(string Benchmark, EvaluationResult Result);
