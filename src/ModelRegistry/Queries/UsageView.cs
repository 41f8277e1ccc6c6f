namespace DaiChain.ModelRegistry.Queries;

/// <summary>A version's recorded inference volume.</summary>
public sealed record UsageView(ulong Batches, ulong Receipts, ulong LastHeight);
