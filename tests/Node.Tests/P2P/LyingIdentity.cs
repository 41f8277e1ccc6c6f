using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// A byzantine identity for handshake tests: presents <paramref name="claimed"/> as its id but signs with
/// <paramref name="signer"/>, optionally over a payload altered by <paramref name="alterPayload"/>.
/// </summary>
public sealed class LyingIdentity(PeerId claimed, INodeIdentity signer, Func<byte[], byte[]>? alterPayload = null) : INodeIdentity
{
    public PeerId Id { get; } = claimed;

    public byte[] SignHandshake(string chainId, ReadOnlySpan<byte> payload) =>
        signer.SignHandshake(chainId, alterPayload is null ? payload : alterPayload(payload.ToArray()));
}
