using System.Net;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// Starts switches on 127.0.0.1 with ephemeral ports, fixed identities by index and one shared node registry, and
/// stops them all at the end of a test.
/// </summary>
public sealed class TestNetwork : IAsyncDisposable
{
    public const string ChainId = "daichain-test";

    private readonly List<TestNode> _nodes = [];

    public TestNetwork(int registered = 8, IHandshakeCrypto? crypto = null)
    {
        Crypto = crypto ?? TestIdentities.Crypto;
        Registry = new NodeRegistryAuthorizer(Enumerable.Range(0, registered).Select(i => Identity(i).Id));
    }

    public IHandshakeCrypto Crypto { get; }

    public NodeRegistryAuthorizer Registry { get; }

    public static INodeIdentity Identity(int index) => TestIdentities.Node(index);

    /// <summary>Options for a test node: loopback, an ephemeral port, short backoff.</summary>
    public static P2POptions Options(int port = 0, IReadOnlyList<PeerAddress>? persistent = null, string chainId = ChainId) => new()
    {
        ChainId = chainId,
        ListenEndPoint = new IPEndPoint(IPAddress.Loopback, port),
        PersistentPeers = persistent ?? [],
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(20),
        ReconnectMaxDelay = TimeSpan.FromMilliseconds(200),
        HandshakeTimeout = TimeSpan.FromSeconds(5),
    };

    public TestNode Start(
        int index,
        P2POptions? options = null,
        RecordingReactor? reactor = null,
        TimeProvider? time = null,
        IPeerAuthorizer? authorizer = null,
        INodeIdentity? identity = null,
        IChannelTrafficObserver? observer = null)
    {
        var logger = new ListLogger<P2PSwitch>();
        var id = identity ?? Identity(index);
        var sw = new P2PSwitch(options ?? Options(), id, Crypto, authorizer ?? Registry, time ?? TimeProvider.System, new Random(index), logger, observer);
        var recording = reactor ?? new RecordingReactor();
        sw.AddReactor(recording);
        sw.Start();
        var node = new TestNode(index, id, sw, recording, logger);
        _nodes.Add(node);
        return node;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var node in _nodes)
        {
            await node.Switch.DisposeAsync();
        }
    }
}
