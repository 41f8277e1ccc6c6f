namespace DaiChain.ModelRegistry.Queries;

/// <summary>A version in a list.</summary>
public sealed record VersionSummaryView(string Id, string Model, string Semver, string ArtifactHash, string Stage, bool Revoked, ulong RegisteredHeight);
