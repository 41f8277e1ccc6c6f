namespace DaiChain.Node.Registry;

/// <summary>Parameters of <c>registry_getModel</c>.</summary>
public sealed record ModelParams(string Model);

/// <summary>Parameters of <c>registry_listModels</c>.</summary>
public sealed record ListParams(string? Cursor, int? Limit);

/// <summary>Parameters of <c>registry_getVersion</c>: a version id, or a model with a semver or an alias.</summary>
public sealed record VersionParams(string? Version, string? Model, string? Semver, string? Alias, bool? IncludeCard);

/// <summary>Parameters of <c>registry_listVersions</c>.</summary>
public sealed record ListVersionsParams(string Model, string? Cursor, int? Limit);

/// <summary>Parameters of <c>registry_lineage</c>.</summary>
public sealed record LineageParams(string Version, string? Direction, int? Depth, int? Limit);

/// <summary>Parameters of <c>registry_getContributions</c>: exactly one filter.</summary>
public sealed record ContributionsParams(string? Model, string? Version, string? Contributor, string? Round, string? Cursor, int? Limit);

/// <summary>Parameters of <c>registry_getReceipts</c>.</summary>
public sealed record ReceiptsParams(string Version, string? Cursor, int? Limit);

/// <summary>Parameters of <c>registry_getReceiptProof</c>.</summary>
public sealed record ReceiptProofParams(string Batch, int Index);

/// <summary>Parameters of <c>registry_provenanceReport</c>.</summary>
public sealed record ReportParams(string Version, long? Height);

/// <summary>Parameters of <c>registry_getDataset</c>.</summary>
public sealed record DatasetParams(string Dataset);

/// <summary>Parameters of <c>registry_getBenchmark</c>.</summary>
public sealed record BenchmarkParams(string Name);

/// <summary>Parameters of <c>registry_getRound</c>.</summary>
public sealed record RoundParams(string Round);

/// <summary>Parameters of <c>artifact_info</c>.</summary>
public sealed record ArtifactParams(string Hash);
