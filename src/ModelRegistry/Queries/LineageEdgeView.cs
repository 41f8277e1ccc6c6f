namespace DaiChain.ModelRegistry.Queries;

/// <summary>A lineage edge: <see cref="Child"/> derives from <see cref="Parent"/>.</summary>
public sealed record LineageEdgeView(string Child, string Parent);
