namespace DaiChain.ModelRegistry.Queries;

/// <summary>A registered dataset.</summary>
public sealed record DatasetView(string Hash, string Name, string Owner, ulong SizeBytes, string Schema, string Licence, string Visibility, ulong RegisteredHeight);
