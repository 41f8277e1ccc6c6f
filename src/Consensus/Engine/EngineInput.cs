using DaiChain.Consensus.Core;
using DaiChain.Consensus.Messages;

namespace DaiChain.Consensus.Engine;

/// <summary>An item of the engine's input queue.</summary>
public abstract record EngineInput
{
    private EngineInput()
    {
    }

    /// <summary>A message from the network.</summary>
    public sealed record FromPeer(PeerId Peer, ConsensusMessage Message) : EngineInput;

    /// <summary>A timeout scheduled by an effect fired.</summary>
    public sealed record TimeoutFired(TimeoutKind Kind, ulong Height, int Round) : EngineInput;

    /// <summary>The commit pause after the previous height is over: start round 0 of <paramref name="Height"/>.</summary>
    public sealed record StartHeight(ulong Height) : EngineInput;

    /// <summary>The periodic gossip timer fired.</summary>
    public sealed record GossipTick : EngineInput;
}
