using System.Collections.Concurrent;
using DaiChain.Ledger.Crypto;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// Fixed node identities by index: real secp256k1 keys from <see cref="PrivateKey.FromSeed"/>, kept for the life
/// of the test process so every test that asks for node 3 gets the same key.
/// </summary>
public static class TestIdentities
{
    public const string Seed = "daichain-p2p-test";

    private static readonly ConcurrentDictionary<int, SignerNodeIdentity> Nodes = new();

    public static Secp256k1HandshakeCrypto Crypto { get; } = new();

    public static INodeIdentity Node(int index) =>
        Nodes.GetOrAdd(index, i => new SignerNodeIdentity(new InMemorySigner(PrivateKey.FromSeed(Seed, i))));
}
