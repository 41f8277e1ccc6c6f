namespace DaiChain.Node.P2P;

/// <summary>A connection was refused during the handshake; <see cref="Failure"/> says why.</summary>
public sealed class HandshakeException : Exception
{
    public HandshakeException(HandshakeFailure failure, string message)
        : base(message)
    {
        Failure = failure;
    }

    public HandshakeException(HandshakeFailure failure, string message, Exception innerException)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public HandshakeException()
        : this(HandshakeFailure.Malformed, "handshake failed")
    {
    }

    public HandshakeException(string message)
        : this(HandshakeFailure.Malformed, message)
    {
    }

    public HandshakeException(string message, Exception innerException)
        : this(HandshakeFailure.Malformed, message, innerException)
    {
    }

    public HandshakeFailure Failure { get; }
}
