namespace DaiChain.Consensus.Engine;

/// <summary>Who a message came from, as the transport names peers (for a reply, never for trust: messages are signed).</summary>
public readonly record struct PeerId(string Value)
{
    /// <summary>The engine itself (messages it feeds back to its own log).</summary>
    public static PeerId Self { get; } = new("self");

    public override string ToString() => Value;
}
