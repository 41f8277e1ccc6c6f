namespace DaiChain.ModelRegistry.Queries;

/// <summary>A federated round.</summary>
public sealed record RoundView(
    string Id,
    string Model,
    string OpenedBy,
    IReadOnlyList<string> Participants,
    ulong DeadlineHeight,
    ulong OpenedHeight,
    string Description,
    string Status,
    ulong ContributionCount,
    ulong ClosedHeight,
    string? AggregatedVersion);
