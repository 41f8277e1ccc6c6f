using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>A state with nothing in it: the base of genesis.</summary>
public sealed class EmptyStateReader : IStateReader
{
    public static EmptyStateReader Instance { get; } = new();

    public byte[]? Get(Hash256 key) => null;
}
