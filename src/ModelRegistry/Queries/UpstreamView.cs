namespace DaiChain.ModelRegistry.Queries;

/// <summary>
/// Whether any ancestor of a version is revoked. <see cref="Complete"/> is false when the ancestry is larger than the
/// walk budget, in which case <see cref="RevokedUpstream"/> reports only what the walk saw.
/// </summary>
public sealed record UpstreamView(bool RevokedUpstream, IReadOnlyList<string> RevokedAncestors, ulong AncestorsWalked, bool Complete);
