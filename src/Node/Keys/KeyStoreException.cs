namespace DaiChain.Node.Keys;

/// <summary>
/// A key file could not be written or read: the message is one sentence a person can act on ("wrong password or
/// corrupted key file", "unsupported key file version 7", "field 'salt' is missing"), fit to print as is.
/// </summary>
internal sealed class KeyStoreException : Exception
{
    public KeyStoreException()
        : base("key file error")
    {
    }

    public KeyStoreException(string message)
        : base(message)
    {
    }

    public KeyStoreException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
