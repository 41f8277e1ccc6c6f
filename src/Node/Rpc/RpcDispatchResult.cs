namespace DaiChain.Node.Rpc;

/// <summary>
/// The bytes to send back for one body (empty for notifications only), the HTTP status that goes with them,
/// and for 429 when to retry. Owns a pooled buffer: dispose after sending.
/// </summary>
internal sealed class RpcDispatchResult(BoundedBufferWriter body, int httpStatus, TimeSpan? retryAfter) : IDisposable
{
    public ReadOnlyMemory<byte> Body => body.WrittenMemory;

    public int HttpStatus { get; } = httpStatus;

    public TimeSpan? RetryAfter { get; } = retryAfter;

    public void Dispose() => body.Dispose();
}
