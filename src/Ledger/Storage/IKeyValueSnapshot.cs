namespace DaiChain.Ledger.Storage;

/// <summary>
/// A read-only, consistent view of a store as of the moment it was created: later writes, in any column family,
/// are not visible through it. Dispose it promptly: it pins old data (RocksDB cannot compact it away).
/// Using it after it or its store is disposed throws <see cref="ObjectDisposedException"/>.
/// </summary>
public interface IKeyValueSnapshot : IKeyValueReader, IDisposable
{
}
