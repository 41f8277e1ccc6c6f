namespace DaiChain.Node.Rpc;

/// <summary>Thrown by <see cref="BoundedBufferWriter"/> when more bytes than its limit are committed.</summary>
internal sealed class BufferLimitExceededException : Exception
{
    public BufferLimitExceededException(int limit)
        : base($"more than {limit} bytes")
    {
        Limit = limit;
    }

    public int Limit { get; }
}
