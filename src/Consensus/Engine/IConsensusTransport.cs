using DaiChain.Consensus.Messages;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// The port to the network: the node's consensus channel. Sends must not block the engine's loop (queue and
/// return); delivery is best effort. Incoming messages are handed to <see cref="ConsensusEngine.Post"/>.
/// </summary>
public interface IConsensusTransport
{
    /// <summary>Sends to every connected peer.</summary>
    void Broadcast(ConsensusMessage message);

    /// <summary>Sends to one peer.</summary>
    void Send(PeerId peer, ConsensusMessage message);

    /// <summary>
    /// <paramref name="peer"/> sent a message whose signature does not verify. Every node verifies a signature before
    /// it relays the message, so only a faulty or malicious peer sends one: the node drops and bans it. A transport
    /// without peers to punish (a simulation) ignores it.
    /// </summary>
    void ReportInvalidSignature(PeerId peer, string reason)
    {
    }
}
