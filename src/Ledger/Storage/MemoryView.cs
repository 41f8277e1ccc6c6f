using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace DaiChain.Ledger.Storage;

/// <summary>
/// The read side of <see cref="MemoryStore"/> and its snapshots: one sorted immutable list per column family,
/// taken from a provider that returns either the current tables or a fixed set.
/// </summary>
/// <remarks>
/// The tables are immutable and published whole, so a reader that fetched them once sees a consistent state of
/// every column family without a lock. <see cref="ImmutableList{T}"/> is a balanced tree: lookups, binary
/// search and index access are O(log n).
/// </remarks>
internal sealed class MemoryView : IKeyValueReader
{
    private readonly IReadOnlyDictionary<ColumnFamily, int> _indexes;
    private readonly Func<ImmutableList<KeyValueEntry>[]> _tables;
    private readonly Action _throwIfDisposed;

    public MemoryView(
        IReadOnlyList<ColumnFamily> families,
        IReadOnlyDictionary<ColumnFamily, int> indexes,
        Func<ImmutableList<KeyValueEntry>[]> tables,
        Action throwIfDisposed)
    {
        ColumnFamilies = families;
        _indexes = indexes;
        _tables = tables;
        _throwIfDisposed = throwIfDisposed;
    }

    public IReadOnlyList<ColumnFamily> ColumnFamilies { get; }

    public byte[] Get(ColumnFamily family, ReadOnlySpan<byte> key) =>
        TryGet(family, key, out var value)
            ? value
            : throw new KeyNotFoundException($"key {Convert.ToHexString(key)} is absent from column family '{family}'");

    public bool TryGet(ColumnFamily family, ReadOnlySpan<byte> key, [NotNullWhen(true)] out byte[]? value)
    {
        // One read of the tables: the lookup and the copy must see the same state.
        var table = _tables()[IndexOf(family)];
        var index = Find(table, key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = Copy(table[index].Value);
        return true;
    }

    public bool Contains(ColumnFamily family, ReadOnlySpan<byte> key) => Find(_tables()[IndexOf(family)], key) >= 0;

    public IEnumerable<KeyValueEntry> Range(ColumnFamily family, byte[]? from, byte[]? to, ScanDirection direction)
    {
        var index = IndexOf(family);
        KeyRange.CheckDirection(direction);
        var (lower, upper) = KeyRange.CopyBounds(from, to);
        return Scan(index, lower, upper, direction);
    }

    public IEnumerable<KeyValueEntry> Prefix(ColumnFamily family, ReadOnlySpan<byte> prefix, ScanDirection direction)
    {
        var index = IndexOf(family);
        KeyRange.CheckDirection(direction);
        KeyRange.CheckKey(prefix);
        var lower = prefix.IsEmpty ? null : prefix.ToArray();
        return Scan(index, lower, KeyRange.PrefixUpperBound(prefix), direction);
    }

    public int IndexOf(ColumnFamily family)
    {
        ArgumentNullException.ThrowIfNull(family);
        _throwIfDisposed();
        return _indexes.TryGetValue(family, out var index) ? index : throw ColumnFamilyList.NotDeclared(family);
    }

    /// <summary>Index of the first entry whose key is not less than <paramref name="key"/>.</summary>
    public static int LowerBound(IReadOnlyList<KeyValueEntry> table, ReadOnlySpan<byte> key)
    {
        int low = 0, high = table.Count;
        while (low < high)
        {
            var middle = low + ((high - low) / 2);
            if (KeyRange.Compare(table[middle].Key, key) < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static int Find(ImmutableList<KeyValueEntry> table, ReadOnlySpan<byte> key)
    {
        KeyRange.CheckKey(key);
        var index = LowerBound(table, key);
        return index < table.Count && KeyRange.Compare(table[index].Key, key) == 0 ? index : -1;
    }

    private static byte[] Copy(byte[] bytes) => bytes.Length == 0 ? [] : (byte[])bytes.Clone();

    private IEnumerable<KeyValueEntry> Scan(int family, byte[]? lower, byte[]? upper, ScanDirection direction)
    {
        // Fetched on the first MoveNext: the scan sees the tables as they are when enumeration starts.
        var table = _tables()[family];
        if (direction == ScanDirection.Forward)
        {
            for (var i = lower is null ? 0 : LowerBound(table, lower); i < table.Count; i++)
            {
                var entry = table[i];
                if (upper is not null && KeyRange.Compare(entry.Key, upper) >= 0)
                {
                    yield break;
                }

                yield return new KeyValueEntry(Copy(entry.Key), Copy(entry.Value));
            }
        }
        else
        {
            for (var i = (upper is null ? table.Count : LowerBound(table, upper)) - 1; i >= 0; i--)
            {
                var entry = table[i];
                if (lower is not null && KeyRange.Compare(entry.Key, lower) < 0)
                {
                    yield break;
                }

                yield return new KeyValueEntry(Copy(entry.Key), Copy(entry.Value));
            }
        }
    }
}
