using DaiChain.Ledger.Primitives;
using DaiChain.Node.Configuration;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Sync;

/// <summary>What this node knows of one connected peer's chain: its last reported height, block hash and mode.</summary>
public sealed class PeerStatus(IPeer peer)
{
    public IPeer Peer { get; } = peer;

    /// <summary>True once the peer sent a status.</summary>
    public bool Heard { get; private set; }

    public ulong Height { get; private set; }

    public Hash256 LatestBlockHash { get; private set; }

    public NodeMode? Mode { get; private set; }

    internal void Update(StatusMessage status)
    {
        Height = status.Height;
        LatestBlockHash = status.LatestBlockHash;
        Mode = status.Mode;
        Heard = true;
    }

    /// <summary>The peer said it lacks block <paramref name="height"/>: it is below it (a status overtook the answer).</summary>
    internal void Lacks(ulong height)
    {
        if (height > 0 && Height >= height)
        {
            Height = height - 1;
        }
    }
}
