using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>Reads and writes state. Writes are buffered in an overlay until the caller decides to keep them.</summary>
public interface IStateAccess : IStateReader
{
    void Set(Hash256 key, byte[] value);

    void Delete(Hash256 key);
}
