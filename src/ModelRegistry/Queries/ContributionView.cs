namespace DaiChain.ModelRegistry.Queries;

/// <summary>A training contribution as queries return it.</summary>
public sealed record ContributionView(
    string Id,
    string Target,
    string Model,
    string? Round,
    string Contributor,
    string RecordedBy,
    string? DatasetCommitment,
    ulong SampleCount,
    ulong ComputeUnits,
    string? UpdateArtifact,
    ulong Height);
