using System.Diagnostics.CodeAnalysis;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// Reads an ordered key-value store: point lookups and ordered scans over one column family at a time.
/// </summary>
/// <remarks>
/// <para>Keys compare as unsigned bytes, lexicographically, a proper prefix before its extensions
/// (<c>[] &lt; [00] &lt; [00 00] &lt; [01] &lt; [FF]</c>), on every implementation.</para>
/// <para>Every returned array is a fresh copy owned by the caller. An empty value is a present value, distinct
/// from an absent key.</para>
/// <para>Scans are lazy and read a consistent view fixed when enumeration starts (the first
/// <c>MoveNext</c>): writes made after that are not seen. Dispose the enumerator (<c>foreach</c> does): on
/// RocksDB it holds native resources, and the database is closed only when the last one is released.</para>
/// <para>Thread safety: any number of threads may read concurrently with one writer.</para>
/// <para>A column family that was not declared when the store was opened is an <see cref="ArgumentException"/>;
/// an engine failure is a <see cref="StorageException"/>; use after dispose is an
/// <see cref="ObjectDisposedException"/>.</para>
/// </remarks>
public interface IKeyValueReader
{
    /// <summary>The column families this store was opened with, <see cref="ColumnFamily.Default"/> first.</summary>
    IReadOnlyList<ColumnFamily> ColumnFamilies { get; }

    /// <summary>Returns the value of <paramref name="key"/>; throws <see cref="KeyNotFoundException"/> when absent.</summary>
    byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key);

    /// <summary>Returns whether <paramref name="key"/> is present, and its value when it is.</summary>
    bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value);

    /// <summary>Returns whether <paramref name="key"/> is present.</summary>
    bool Contains(ColumnFamily family, ReadOnlySpan<byte> key);

    /// <summary>
    /// Scans the keys k with <paramref name="from"/> &lt;= k &lt; <paramref name="to"/>. A null
    /// <paramref name="from"/> starts at the first key; a null <paramref name="to"/> runs to the last key (an
    /// empty <paramref name="to"/> is an empty range). Throws <see cref="ArgumentException"/> when
    /// <paramref name="from"/> &gt; <paramref name="to"/>. The bounds are copied at the call.
    /// </summary>
    IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction = ScanDirection.Forward);

    /// <summary>
    /// Scans the keys that start with <paramref name="prefix"/> (all keys for an empty prefix), including
    /// prefixes made of 0xFF bytes, which have no exclusive upper bound. The prefix is copied at the call.
    /// </summary>
    IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction = ScanDirection.Forward);
}
