using System.Globalization;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;

namespace DaiChain.ConsensusSim;

/// <summary>
/// A node's <see cref="IConsensusTransport"/> on the simulated network. Every message the node itself sends passes
/// <see cref="Observe"/> first, which is how the run checks signatures (no honest double-sign) and records
/// byzantine equivocations.
/// </summary>
public sealed class SimTransport : IConsensusTransport
{
    private readonly SimNetwork<ConsensusMessage> _network;

    public SimTransport(int endpoint, SimNetwork<ConsensusMessage> network, IReadOnlyList<int> endpoints, Action<int, ConsensusMessage> observe)
    {
        Endpoint = endpoint;
        _network = network;
        Peers = [.. endpoints.Where(e => e != endpoint)];
        Observe = observe;
    }

    public int Endpoint { get; }

    public IReadOnlyList<int> Peers { get; }

    public Action<int, ConsensusMessage> Observe { get; }

    public static PeerId PeerOf(int endpoint) => new("n" + endpoint.ToString(CultureInfo.InvariantCulture));

    public static int EndpointOf(PeerId peer) => int.Parse(peer.Value.AsSpan(1), CultureInfo.InvariantCulture);

    public void Broadcast(ConsensusMessage message)
    {
        Observe(Endpoint, message);
        foreach (var peer in Peers)
        {
            _network.Send(Endpoint, peer, message);
        }
    }

    public void Send(PeerId peer, ConsensusMessage message) => SendTo(EndpointOf(peer), message);

    public void SendTo(int endpoint, ConsensusMessage message)
    {
        Observe(Endpoint, message);
        _network.Send(Endpoint, endpoint, message);
    }
}
