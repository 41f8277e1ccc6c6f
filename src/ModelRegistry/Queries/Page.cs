namespace DaiChain.ModelRegistry.Queries;

/// <summary>One page of a list: the items, the cursor of the next page (null at the end) and the list's length.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, ulong Total);
