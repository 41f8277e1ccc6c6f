namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// The lineage around a version, breadth first and depth-bounded: nodes in the order reached, the edges between
/// them, and whether a bound (depth or node count) cut the walk short.
/// </summary>
public sealed record LineageView(string Root, string Direction, int Depth, IReadOnlyList<LineageNodeView> Nodes, IReadOnlyList<LineageEdgeView> Edges, bool Truncated);
