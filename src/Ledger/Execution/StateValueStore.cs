using System.Collections.Concurrent;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Storage;

namespace DaiChain.Ledger.Execution;

/// <summary>
/// Versioned state values: reads a key as of any retained height from <c>state_values</c>, with a bounded
/// in-memory cache of the latest value of each recently used key.
/// </summary>
/// <remarks>
/// A cache entry is (version written, value): it answers a read at height h only when h is at or after that
/// version, because the entry is always the latest value (commits replace entries of keys they change, under
/// the same lock that moves the head). Reads miss into a reverse range scan for the greatest version ≤ h. Only
/// a read at the current head fills the cache, under the lock, so a stale value can never be cached as latest.
/// </remarks>
internal sealed class StateValueStore
{
    private readonly IKeyValueReader _store;
    private readonly int _capacity;
    private readonly ConcurrentDictionary<Hash256, CachedValue> _cache = new();
    private readonly Lock _gate = new();
    private ulong _head;

    // Entries in the cache, kept under the gate; ConcurrentDictionary.Count would take every bucket lock.
    private int _count;

    public StateValueStore(IKeyValueReader store, int capacity, ulong head)
    {
        _store = store;
        _capacity = Math.Max(capacity, 1024);
        _head = head;
    }

    public byte[]? Get(Hash256 key, ulong height)
    {
        if (_cache.TryGetValue(key, out var cached) && cached.Version <= height)
        {
            return cached.Value;
        }

        var (found, version, value) = ReadVersioned(key, height);
        lock (_gate)
        {
            if (height == _head)
            {
                if (_count >= _capacity)
                {
                    _cache.Clear();
                    _count = 0;
                }

                if (_cache.TryAdd(key, new CachedValue(found ? version : 0, value)))
                {
                    _count++;
                }
            }
        }

        return value;
    }

    /// <summary>After a commit at <paramref name="height"/>: the changed keys' new values become the cached latest.</summary>
    public void Advance(ulong height, IReadOnlyList<KeyValuePair<Hash256, byte[]?>> changes)
    {
        lock (_gate)
        {
            foreach (var (key, value) in changes)
            {
                if (_cache.ContainsKey(key))
                {
                    _cache[key] = new CachedValue(height, value);
                }
                else if (_count < _capacity && _cache.TryAdd(key, new CachedValue(height, value)))
                {
                    _count++;
                }
            }

            _head = height;
        }
    }

    private (bool Found, ulong Version, byte[]? Value) ReadVersioned(Hash256 key, ulong height)
    {
        var from = StoreKeys.ValueVersion(key, 0);
        var to = height == ulong.MaxValue ? StoreKeys.ValueVersion(key, ulong.MaxValue) : StoreKeys.ValueVersion(key, height + 1);
        foreach (var entry in _store.Range(ChainColumns.StateValues, from, to, ScanDirection.Reverse))
        {
            var version = StoreKeys.ReadHeight(entry.Key.AsSpan(Hash256.Size));
            return entry.Value[0] == 0 ? (true, version, null) : (true, version, entry.Value[1..]);
        }

        return (false, 0, null);
    }

    private sealed record CachedValue(ulong Version, byte[]? Value);
}
