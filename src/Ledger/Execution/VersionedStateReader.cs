using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;

namespace DaiChain.Ledger.Execution;

/// <summary>The state as of one height.</summary>
internal sealed class VersionedStateReader(StateValueStore values, ulong height) : IStateReader
{
    public byte[]? Get(Hash256 key) => values.Get(key, height);
}
