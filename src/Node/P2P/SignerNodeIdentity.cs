using DaiChain.Ledger.Crypto;

namespace DaiChain.Node.P2P;

/// <summary>The node's identity for the handshake over its <see cref="ISigner"/> (the node key).</summary>
public sealed class SignerNodeIdentity : INodeIdentity
{
    private readonly ISigner _signer;

    public SignerNodeIdentity(ISigner signer)
    {
        _signer = signer;
        Id = PeerId.FromPublicKey(signer.PublicKey);
    }

    public PeerId Id { get; }

    public byte[] SignHandshake(string chainId, ReadOnlySpan<byte> payload) =>
        _signer.Sign(SigningDomain.Handshake, chainId, payload).ToArray();
}
