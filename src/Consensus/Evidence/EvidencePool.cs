using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Evidence;

/// <summary>
/// Evidence of double votes waiting to be committed: detected locally or received from peers, offered to every
/// block this node proposes until a committed block carries it.
/// </summary>
/// <remarks>
/// A validator is punished at most once per height (the ledger's rule: <c>Slashing.ProcessedKey</c>), so the pool
/// keeps one item per (validator, height), whichever equivocation of that height arrived first; a second one
/// would never be committed and would only take space. Bounded by <see cref="Capacity"/>; pending
/// evidence older than <see cref="MaxAgeHeights"/> is dropped. Insertion order is kept, so proposals are
/// deterministic. Not thread-safe: the engine's loop is its only user.
/// </remarks>
public sealed class EvidencePool
{
    private readonly List<DuplicateVoteEvidence> _pending = [];
    private readonly HashSet<EquivocationKey> _known = [];
    private readonly Dictionary<EquivocationKey, ulong> _committed = [];

    public EvidencePool(int capacity = 256, ulong maxAgeHeights = 100_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        MaxAgeHeights = maxAgeHeights;
    }

    public int Capacity { get; }

    public ulong MaxAgeHeights { get; }

    public int Count => _pending.Count;

    /// <summary>Evidence refused because the pool was full.</summary>
    public long Overflowed { get; private set; }

    /// <summary>Every pending item, oldest first.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> All => _pending;

    /// <summary>Adds evidence (already verified by the caller). False when it is known, committed or does not fit.</summary>
    public bool Add(DuplicateVoteEvidence evidence)
    {
        var key = EquivocationKey.Of(evidence);
        if (_known.Contains(key) || _committed.ContainsKey(key))
        {
            return false;
        }

        if (_pending.Count >= Capacity)
        {
            Overflowed++;
            return false;
        }

        _pending.Add(evidence);
        _known.Add(key);
        return true;
    }

    /// <summary>Up to <paramref name="max"/> pending items, oldest first, for a proposal.</summary>
    public IReadOnlyList<DuplicateVoteEvidence> Pending(int max) => _pending.Count <= max ? [.. _pending] : _pending.GetRange(0, max);

    /// <summary>
    /// Records what a committed block at <paramref name="height"/> carried and drops pending evidence that is now
    /// committed or too old.
    /// </summary>
    public void OnCommitted(ulong height, IReadOnlyList<DuplicateVoteEvidence> committedEvidence)
    {
        foreach (var evidence in committedEvidence)
        {
            _committed[EquivocationKey.Of(evidence)] = height;
        }

        for (var i = _pending.Count - 1; i >= 0; i--)
        {
            var item = _pending[i];
            var key = EquivocationKey.Of(item);
            if (_committed.ContainsKey(key) || item.Height + MaxAgeHeights < height)
            {
                _known.Remove(key);
                _pending.RemoveAt(i);
            }
        }

        // Forget committed keys once evidence for them would be too old to be accepted anyway.
        if (_committed.Count > 4 * Capacity)
        {
            foreach (var (key, at) in _committed.ToList())
            {
                if (at + MaxAgeHeights < height)
                {
                    _committed.Remove(key);
                }
            }
        }
    }

    private readonly record struct EquivocationKey(Address Validator, ulong Height)
    {
        public static EquivocationKey Of(DuplicateVoteEvidence evidence) => new(evidence.ValidatorAddress, evidence.Height);
    }
}
