namespace DaiChain.ModelRegistry.Queries;

/// <summary>A registered benchmark and its definition.</summary>
public sealed record BenchmarkView(
    string Name,
    string Description,
    string Dataset,
    string Task,
    string Metric,
    string ScoredOutput,
    long Threshold,
    long? PositiveLabel,
    int LabelMappings,
    int InputBindings,
    string RegisteredBy,
    ulong RegisteredHeight);
