namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// Everything the chain records about one model version, in one document, each fact proven against the state root
/// of a committed header (<see cref="Facts"/>): the version, its model and card, its artifact, parents and
/// ancestry, datasets, contributions, benchmarks and evaluations, stage history, closed round and inference volume.
/// </summary>
/// <remarks>
/// The views are for reading; <see cref="Facts"/> are for checking: each carries the raw value and its proof, and
/// <c>ProvenanceVerifier</c> (or any implementation of docs/spec/registry.md) checks them against
/// <see cref="StateRoot"/>. <see cref="LocalArtifact"/> is what the answering node holds, not a chain fact.
/// </remarks>
public sealed record ProvenanceReportView(
    string Format,
    string ChainId,
    ulong Height,
    string BlockHash,
    string StateRoot,
    long BlockTimeMs,
    VersionView Version,
    ModelView Model,
    IReadOnlyList<VersionSummaryView> Parents,
    IReadOnlyList<VersionSummaryView> Ancestors,
    bool AncestorsComplete,
    IReadOnlyList<DatasetView> Datasets,
    IReadOnlyList<ContributionView> Contributions,
    IReadOnlyList<BenchmarkView> Benchmarks,
    RoundView? ClosedRound,
    IReadOnlyList<StageChangeView> StageHistory,
    UsageView Inference,
    IReadOnlyList<ProvenFactView> Facts,
    ArtifactHoldingView? LocalArtifact);
