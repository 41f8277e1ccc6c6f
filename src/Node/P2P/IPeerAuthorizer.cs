namespace DaiChain.Node.P2P;

/// <summary>
/// Which node keys may connect: the chain's node registry (genesis, then governance). The switch asks on every
/// handshake and again when <see cref="P2PSwitch.RevalidatePeers"/> is called after the registry changes.
/// </summary>
public interface IPeerAuthorizer
{
    /// <summary>True if the node with this key may be a peer. Must be fast and thread-safe.</summary>
    bool IsAuthorized(PeerId peer);
}
