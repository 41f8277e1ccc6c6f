namespace DaiChain.ModelRegistry.Queries;

/// <summary>A model version as queries return it, with its lineage status.</summary>
public sealed record VersionView(
    string Id,
    string Model,
    string ModelName,
    string Semver,
    ArtifactRefView Artifact,
    IReadOnlyList<string> Parents,
    IReadOnlyList<string> Datasets,
    IReadOnlyList<string> Contributions,
    string? HyperparametersHash,
    string ModelCardHash,
    ulong ModelCardBytes,
    string? ModelCard,
    ulong RegisteredHeight,
    string RegisteredBy,
    string Stage,
    ulong StageHeight,
    string? ClosedRound,
    RevocationView? Revocation,
    UpstreamView Upstream,
    EvaluationView Evaluation,
    UsageView Usage,
    ulong ChildCount);
