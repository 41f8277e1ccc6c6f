namespace DaiChain.Node.Hosting;

/// <summary>The node cannot start for a reason the operator can fix; the message says what to do.</summary>
public sealed class NodeStartException : Exception
{
    public NodeStartException()
        : base("the node cannot start")
    {
    }

    public NodeStartException(string message)
        : base(message)
    {
    }

    public NodeStartException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
