using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.State;

/// <summary>
/// Buffered writes over a parent state: reads see this overlay's writes first. A transaction runs in an
/// overlay over the block's overlay; <see cref="MergeIntoParent"/> keeps its writes, dropping the overlay
/// discards them, so a rejected transaction changes nothing.
/// </summary>
/// <remarks>
/// Not thread-safe: one overlay belongs to one execution. The buffered writes are only ever enumerated in key
/// order (<see cref="SortedChanges"/>), so dictionary order never leaks into results.
/// </remarks>
public sealed class StateOverlay : IStateAccess
{
    private readonly IStateReader _parent;
    private readonly Dictionary<Hash256, byte[]?> _writes = [];

    public StateOverlay(IStateReader parent)
    {
        _parent = parent;
    }

    public int ChangeCount => _writes.Count;

    public byte[]? Get(Hash256 key) => _writes.TryGetValue(key, out var value) ? value : _parent.Get(key);

    public void Set(Hash256 key, byte[] value) => _writes[key] = value;

    public void Delete(Hash256 key) => _writes[key] = null;

    /// <summary>Applies this overlay's writes to <paramref name="parent"/> (which must be its parent overlay).</summary>
    public void MergeInto(StateOverlay parent)
    {
        Invariant.Check(ReferenceEquals(parent, _parent), "an overlay merges only into its own parent");
        foreach (var (key, value) in _writes)
        {
            parent._writes[key] = value;
        }

        _writes.Clear();
    }

    /// <summary>Applies this overlay's writes to its parent overlay.</summary>
    public void MergeIntoParent()
    {
        Invariant.Check(_parent is StateOverlay, "only an overlay over an overlay can merge into its parent");
        MergeInto((StateOverlay)_parent);
    }

    /// <summary>Every buffered write (null value = delete), sorted by key.</summary>
    public KeyValuePair<Hash256, byte[]?>[] SortedChanges()
    {
        var changes = _writes.ToArray();
        Array.Sort(changes, static (a, b) => a.Key.CompareTo(b.Key));
        return changes;
    }
}
