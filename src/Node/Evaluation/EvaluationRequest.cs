using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.Node.Evaluation;

/// <summary>An evaluation to run: its key, the committed benchmark definition and its dataset's visibility.</summary>
public sealed record EvaluationRequest(EvaluationKey Key, BenchmarkSpec Spec, DatasetVisibility Visibility);
