using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>A node identity of <see cref="FakeHandshakeCrypto"/>.</summary>
public sealed class FakeNodeIdentity(PeerId id, byte[] secret) : INodeIdentity
{
    public PeerId Id { get; } = id;

    public byte[] SignHandshake(string chainId, ReadOnlySpan<byte> payload) => FakeHandshakeCrypto.Sign(secret, chainId, payload);
}
