namespace DaiChain.ModelRegistry.Queries;

/// <summary>Whether the answering node holds an artifact's bytes (<c>held</c>, <c>not_held</c>, <c>erased</c>): local knowledge, not a chain fact.</summary>
public sealed record ArtifactHoldingView(string Hash, string State, long SizeBytes, string? ErasureReason, long? ErasedAtMs);
