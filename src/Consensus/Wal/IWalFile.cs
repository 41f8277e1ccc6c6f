namespace DaiChain.Consensus.Wal;

/// <summary>
/// The byte store under the write-ahead log: one append-only file. The port through which the node gives the
/// engine durable storage; the simulation implements it in memory with crash semantics.
/// </summary>
/// <remarks>
/// Contract: bytes passed to <see cref="Append"/> may be lost, wholly or in part (a torn tail), until
/// <see cref="Sync"/> returns; after that they survive a crash. <see cref="Replace"/> is atomic: after a crash the
/// file holds either the old content or the new, never a mix.
/// </remarks>
public interface IWalFile
{
    /// <summary>The whole content as it is now (at start-up: as it survived the last crash).</summary>
    byte[] ReadAll();

    /// <summary>Appends bytes at the end. Not durable until <see cref="Sync"/>.</summary>
    void Append(ReadOnlySpan<byte> bytes);

    /// <summary>Makes every appended byte durable (fsync).</summary>
    void Sync();

    /// <summary>Cuts the file to <paramref name="length"/> bytes (drops a torn tail) and makes that durable.</summary>
    void Truncate(long length);

    /// <summary>Atomically replaces the whole content with <paramref name="content"/>, durably.</summary>
    void Replace(ReadOnlySpan<byte> content);
}
