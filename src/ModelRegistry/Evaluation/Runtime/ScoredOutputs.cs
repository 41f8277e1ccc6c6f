using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Evaluation.Runtime;

/// <summary>
/// Per-sample results of a run: predicted dataset labels (classification; null where the label mapping has no
/// entry) or predicted values (regression), and the digest of the raw scored tensor.
/// </summary>
internal sealed record ScoredOutputs(long?[]? Labels, double[]? Values, Hash256 Digest);
