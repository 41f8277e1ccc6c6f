namespace DaiChain.Node.Rpc;

/// <summary>
/// The stable string codes in <c>error.data.reason</c>, one per <see cref="RpcErrorCodes"/> entry: clients
/// branch on these, people read the message.
/// </summary>
public static class RpcErrorReasons
{
    public const string ParseError = "parse_error";
    public const string InvalidRequest = "invalid_request";
    public const string MethodNotFound = "method_not_found";
    public const string InvalidParams = "invalid_params";
    public const string InternalError = "internal_error";
    public const string ReadOnly = "read_only";
    public const string RateLimited = "rate_limited";
    public const string BodyTooLarge = "body_too_large";
    public const string BatchTooLarge = "batch_too_large";
    public const string JsonTooDeep = "json_too_deep";
    public const string ResponseTooLarge = "response_too_large";
    public const string TooManySubscriptions = "too_many_subscriptions";
    public const string Timeout = "timeout";
    public const string Unavailable = "unavailable";
    public const string WebSocketOnly = "websocket_only";
    public const string OriginNotAllowed = "origin_not_allowed";
}
