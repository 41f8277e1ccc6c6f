namespace DaiChain.Node.P2P;

/// <summary>The local node's long-term key as the handshake needs it: the public key and a signer.</summary>
public interface INodeIdentity
{
    /// <summary>This node's id (its compressed public key).</summary>
    PeerId Id { get; }

    /// <summary>
    /// Signs <paramref name="payload"/> in the handshake signing domain: the signature covers
    /// <c>SHA-256(handshake domain tag || chain id || payload)</c>, so it can never be replayed as a transaction or vote.
    /// </summary>
    byte[] SignHandshake(string chainId, ReadOnlySpan<byte> payload);
}
