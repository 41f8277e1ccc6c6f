using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// A store's current state read from the versioned <c>state_values</c> column (the chain store keeps no separate
/// latest-value column): for each key, its newest version, left out when that version is a deletion. Ascending by key.
/// </summary>
internal static class LatestStateValues
{
    /// <summary>Entries are <c>keyHash ‖ version</c> → <c>0x00</c> (deleted) or <c>0x01 ‖ value</c>, ascending, so a key's newest version is its last entry.</summary>
    public static IEnumerable<KeyValuePair<Hash256, byte[]>> Read(IKeyValueReader store)
    {
        Hash256? current = null;
        byte[]? newest = null;
        foreach (var entry in store.Range(ChainColumns.StateValues, null, null))
        {
            if (entry.Key.Length != Hash256.Size + 8)
            {
                continue;
            }

            var key = new Hash256(entry.Key.AsSpan(0, Hash256.Size));
            if (current is { } previous && previous != key && newest is { Length: > 1 } && newest[0] == 1)
            {
                yield return new KeyValuePair<Hash256, byte[]>(previous, newest[1..]);
            }

            current = key;
            newest = entry.Value;
        }

        if (current is { } last && newest is { Length: > 1 } && newest[0] == 1)
        {
            yield return new KeyValuePair<Hash256, byte[]>(last, newest[1..]);
        }
    }
}
