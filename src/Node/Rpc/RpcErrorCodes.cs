namespace DaiChain.Node.Rpc;

/// <summary>
/// The stable numeric codes of JSON-RPC error objects (docs/spec/rpc.md has the table). Each code has exactly
/// one string reason in <see cref="RpcErrorReasons"/>, carried in <c>error.data.reason</c>.
/// </summary>
/// <remarks>
/// -32768..-32000 is reserved by JSON-RPC 2.0: -32700 and -32600..-32603 are its own codes, -32000..-32099
/// are "server errors" that an implementation defines. DaiChain splits that range: -32000..-32019 for the
/// RPC server (below), -32020..-32059 for node and chain methods, -32060..-32099 for registry methods. A code,
/// once published, never changes meaning.
/// </remarks>
public static class RpcErrorCodes
{
    /// <summary>The body is not JSON (or has duplicate member names).</summary>
    public const int ParseError = -32700;

    /// <summary>The JSON is not a valid request object or batch.</summary>
    public const int InvalidRequest = -32600;

    /// <summary>No method has this name.</summary>
    public const int MethodNotFound = -32601;

    /// <summary>A parameter is missing, unknown or of the wrong shape.</summary>
    public const int InvalidParams = -32602;

    /// <summary>The node failed; the message carries a correlation id to find the log record.</summary>
    public const int InternalError = -32603;

    /// <summary>A write method was sent to a read-only (audit) node.</summary>
    public const int ReadOnly = -32000;

    /// <summary>The client sent more requests per second than it is allowed.</summary>
    public const int RateLimited = -32001;

    /// <summary>The HTTP body or WebSocket message is larger than the limit.</summary>
    public const int BodyTooLarge = -32002;

    /// <summary>The batch has more requests than the limit.</summary>
    public const int BatchTooLarge = -32003;

    /// <summary>The JSON nests deeper than the limit.</summary>
    public const int JsonTooDeep = -32004;

    /// <summary>The result would be larger than the response limit.</summary>
    public const int ResponseTooLarge = -32005;

    /// <summary>The WebSocket connection already holds the maximum number of subscriptions.</summary>
    public const int TooManySubscriptions = -32006;

    /// <summary>The method did not finish within the method timeout.</summary>
    public const int Timeout = -32007;

    /// <summary>The node cannot serve this now (shutting down, connection limit, not ready); retry later.</summary>
    public const int Unavailable = -32008;

    /// <summary>The method exists only on the WebSocket endpoint.</summary>
    public const int WebSocketOnly = -32009;

    /// <summary>A browser page from an origin that is not allowed tried to call the node.</summary>
    public const int OriginNotAllowed = -32010;

    /// <summary>The first code that node and chain methods may define.</summary>
    public const int NodeRangeFirst = -32059;

    /// <summary>The last code that node and chain methods may define.</summary>
    public const int NodeRangeLast = -32020;

    /// <summary>The first code that registry methods may define.</summary>
    public const int RegistryRangeFirst = -32099;

    /// <summary>The last code that registry methods may define.</summary>
    public const int RegistryRangeLast = -32060;
}
