using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Artifacts;

/// <summary>What a node knows about one artifact: held (with its size) or erased by the operator.</summary>
public sealed record ArtifactInfo(Hash256 Hash, ArtifactState State, long SizeBytes, string? ErasureReason, DateTimeOffset? ErasedAt);
