namespace DaiChain.ModelRegistry.Queries;

/// <summary>An artifact a record names: its SHA-256 and size. The chain holds only these, never the bytes.</summary>
public sealed record ArtifactRefView(string Hash, ulong SizeBytes);
