namespace DaiChain.ModelRegistry.Queries;

/// <summary>A model as queries return it.</summary>
public sealed record ModelView(
    string Id,
    string Name,
    string Creator,
    string Description,
    string TaskType,
    string Licence,
    IReadOnlyList<string> Owners,
    ulong CreatedHeight,
    ulong VersionCount,
    string? LatestVersion,
    string? LatestSemver,
    IReadOnlyList<AliasView> Aliases);
