namespace DaiChain.ModelRegistry.Queries;

/// <summary>Where a model's alias points (null when cleared), since when and set by whom.</summary>
public sealed record AliasView(string Alias, string? Version, ulong Height, string By);
