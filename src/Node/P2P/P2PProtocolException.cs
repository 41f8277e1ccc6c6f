namespace DaiChain.Node.P2P;

/// <summary>
/// An authenticated peer broke the frame protocol: a frame that fails authentication (bad MAC), a length over the
/// maximum, an unknown frame kind or channel, a malformed fragment or a message over its channel's bound. The peer is
/// dropped and banned.
/// </summary>
public sealed class P2PProtocolException : Exception
{
    public P2PProtocolException(ProtocolViolation violation, string message)
        : base(message)
    {
        Violation = violation;
    }

    public P2PProtocolException()
        : this(ProtocolViolation.MalformedFrame, "peer broke the frame protocol")
    {
    }

    public P2PProtocolException(string message)
        : this(ProtocolViolation.MalformedFrame, message)
    {
    }

    public P2PProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
        Violation = ProtocolViolation.MalformedFrame;
    }

    public ProtocolViolation Violation { get; }
}
