namespace DaiChain.Node.Registry;

/// <summary>No connected peer could supply an artifact whose bytes match its hash.</summary>
public sealed class ArtifactFetchException : Exception
{
    public ArtifactFetchException()
        : base("the artifact could not be fetched from any peer")
    {
    }

    public ArtifactFetchException(string message)
        : base(message)
    {
    }

    public ArtifactFetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
