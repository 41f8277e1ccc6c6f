using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;

namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>A transport that sends nothing: the node listens and decides, but its messages never leave it.</summary>
public sealed class SilentTransport : IConsensusTransport
{
    public void Broadcast(ConsensusMessage message)
    {
    }

    public void Send(PeerId peer, ConsensusMessage message)
    {
    }
}
