namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// A version in a lineage answer: how it relates to the queried version (<c>self</c>, <c>ancestor</c>,
/// <c>descendant</c>), at how many generations, its parents, and its revocation status.
/// </summary>
public sealed record LineageNodeView(string Id, string Model, string Semver, string Relation, int Distance, IReadOnlyList<string> Parents, bool Revoked, bool RevokedUpstream);
