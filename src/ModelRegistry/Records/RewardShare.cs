using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A contributor's reward points in one version: the sum over the contributions the version cites of samples + compute units.</summary>
public sealed record RewardShare(Address Contributor, ulong Points);
