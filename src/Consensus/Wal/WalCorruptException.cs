namespace DaiChain.Consensus.Wal;

/// <summary>
/// The write-ahead log is damaged before its end. A crash does not do this (disk or operator error does), so the
/// node stops instead of guessing which of its earlier inputs and signatures are lost.
/// </summary>
public sealed class WalCorruptException : Exception
{
    public WalCorruptException()
    {
    }

    public WalCorruptException(string message)
        : base(message)
    {
    }

    public WalCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public WalCorruptException(long offset, long length)
        : base($"the consensus WAL is corrupt at byte {offset} of {length}, before its end; move it aside only if this node's last signatures are known (a double-sign risk otherwise)")
    {
        Offset = offset;
    }

    public long Offset { get; }
}
