namespace DaiChain.ModelRegistry.Queries;

/// <summary>A model in a list.</summary>
public sealed record ModelSummaryView(string Id, string Name, string Creator, string TaskType, ulong VersionCount, string? LatestSemver, ulong CreatedHeight);
