using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>One change to the tree: set <see cref="KeyHash"/> to a value hash, or delete it when null.</summary>
public readonly record struct TreeUpdate(Hash256 KeyHash, Hash256? ValueHash);
