namespace DaiChain.Node.P2P;

/// <summary>What one handshake checks against.</summary>
/// <param name="ChainId">The local chain id; the remote's must be equal.</param>
/// <param name="Identity">The local node key.</param>
/// <param name="Crypto">Ephemeral keys and signature verification.</param>
/// <param name="ExpectedPeer">For a dial: the node key that must answer; <c>null</c> for an accepted connection.</param>
/// <param name="Admit">
/// Called with the remote's claimed node key before this side signs: returns the reason to refuse it
/// (unauthorized, banned) or <c>null</c>. Refusing before signing means an unauthorized node never gets our signature.
/// </param>
internal sealed record HandshakeSettings(
    string ChainId,
    INodeIdentity Identity,
    IHandshakeCrypto Crypto,
    PeerId? ExpectedPeer,
    Func<PeerId, HandshakeException?> Admit);
