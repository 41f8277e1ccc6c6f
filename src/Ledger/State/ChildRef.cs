using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>An internal node's pointer to a child: the child's hash, the version that stored it, and its kind.</summary>
public readonly record struct ChildRef(Hash256 Hash, ulong Version, bool IsLeaf);
