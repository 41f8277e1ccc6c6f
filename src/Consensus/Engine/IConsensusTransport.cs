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
}
