using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit;

/// <summary>A verified height's block hash and state root: a value a regulator can publish and later trust a bundle from.</summary>
public sealed record AuditCheckpoint(ulong Height, Hash256 BlockHash, Hash256 StateRoot, long TimeMs);
