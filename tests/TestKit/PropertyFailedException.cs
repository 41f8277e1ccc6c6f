namespace DaiChain.TestKit;

/// <summary>A property check failed; the message carries the seed to replay it.</summary>
public sealed class PropertyFailedException : Exception
{
    public PropertyFailedException()
    {
    }

    public PropertyFailedException(string message)
        : base(message)
    {
    }

    public PropertyFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
