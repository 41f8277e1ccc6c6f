using DaiChain.Ledger.Primitives;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Gossip;

/// <summary>
/// For each transaction admitted and waiting to be gossiped, the peers known to have it already: the peer it came
/// from, and every peer that sent a copy while it waited. Gossip skips them.
/// </summary>
/// <remarks>
/// On a mesh every peer relays what it admits, so a node hears most transactions from several peers; a copy that
/// arrives before this node's own relay goes out saves sending it back. An entry lives from admission until the
/// gossip loop takes it, so the map holds at most the gossip queue's transactions; copies of a transaction that is
/// not waiting are ignored. Thread-safe: the receive loop adds, the gossip loop takes.
/// </remarks>
internal sealed class GossipHolders
{
    private readonly Dictionary<Hash256, List<PeerId>> _waiting = [];
    private readonly Lock _gate = new();

    /// <summary>Transactions waiting to be gossiped.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    /// <summary>A transaction was admitted and queued for gossip; <paramref name="origin"/> sent it (none: local submission).</summary>
    public void Admitted(Hash256 transaction, PeerId? origin)
    {
        lock (_gate)
        {
            _waiting[transaction] = origin is { } peer ? [peer] : [];
        }
    }

    /// <summary><paramref name="peer"/> sent a copy of <paramref name="transaction"/>: if it is still waiting, skip that peer.</summary>
    public void HeardFrom(Hash256 transaction, PeerId peer)
    {
        lock (_gate)
        {
            if (_waiting.TryGetValue(transaction, out var holders) && !holders.Contains(peer))
            {
                holders.Add(peer);
            }
        }
    }

    /// <summary>Stops tracking <paramref name="transaction"/> and returns the peers known to have it.</summary>
    public IReadOnlyList<PeerId> Take(Hash256 transaction)
    {
        lock (_gate)
        {
            return _waiting.Remove(transaction, out var holders) ? holders : [];
        }
    }
}
