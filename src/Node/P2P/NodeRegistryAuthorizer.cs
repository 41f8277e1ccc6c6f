using System.Collections.Frozen;

namespace DaiChain.Node.P2P;

/// <summary>
/// An <see cref="IPeerAuthorizer"/> over a set of node keys that the node fills from genesis and replaces when
/// governance adds or removes a node.
/// </summary>
public sealed class NodeRegistryAuthorizer : IPeerAuthorizer
{
    private FrozenSet<PeerId> _allowed;

    public NodeRegistryAuthorizer(IEnumerable<PeerId> allowed)
    {
        _allowed = ToSet(allowed);
    }

    /// <summary>The allowed keys now.</summary>
    public IReadOnlySet<PeerId> Allowed => Volatile.Read(ref _allowed);

    public bool IsAuthorized(PeerId peer) => !peer.IsEmpty && Volatile.Read(ref _allowed).Contains(peer);

    /// <summary>Replaces the whole set atomically; call <see cref="P2PSwitch.RevalidatePeers"/> afterwards to drop removed peers.</summary>
    public void Replace(IEnumerable<PeerId> allowed) => Volatile.Write(ref _allowed, ToSet(allowed));

    private static FrozenSet<PeerId> ToSet(IEnumerable<PeerId> allowed)
    {
        var set = allowed.ToFrozenSet();
        if (set.Any(p => p.IsEmpty))
        {
            throw new ArgumentException("the node registry contains an empty peer id", nameof(allowed));
        }

        return set;
    }
}
