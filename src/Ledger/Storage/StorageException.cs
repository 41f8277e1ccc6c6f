namespace DaiChain.Ledger.Storage;

/// <summary>
/// The storage engine failed: the database could not be opened (locked by another process, corrupt, wrong
/// path), or a read or write failed. The message says what was attempted, on which path, and includes the
/// engine's own error text (<see cref="EngineError"/>).
/// </summary>
public sealed class StorageException : Exception
{
    public StorageException()
    {
    }

    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception whose message ends with the engine's error text.</summary>
    public StorageException(string message, string engineError)
        : base($"{message}: {engineError}")
    {
        EngineError = engineError;
    }

    /// <summary>The storage engine's error text verbatim (for RocksDB, its <c>Status::ToString()</c>), if any.</summary>
    public string? EngineError { get; }
}
