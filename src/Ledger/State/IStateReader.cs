using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>Reads state values by tree key (<see cref="StateKeys"/> builds keys). Implementations allow concurrent reads.</summary>
public interface IStateReader
{
    /// <summary>The value under <paramref name="key"/>, or null when absent.</summary>
    byte[]? Get(Hash256 key);
}
