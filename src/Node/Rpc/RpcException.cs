using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>
/// Thrown by a method handler to answer with a specific JSON-RPC error instead of a result. Any other
/// exception from a handler becomes <c>internal_error</c> (logged with a correlation id, not shown to the client).
/// </summary>
/// <remarks>
/// Use a code from <see cref="RpcErrorCodes"/> or from the range your area owns (docs/spec/rpc.md), with
/// the one reason string that belongs to it, and a message that tells the caller what to change.
/// </remarks>
public sealed class RpcException : Exception
{
    public RpcException(int code, string reason, string message, JsonObject? details = null)
        : base(message)
    {
        Error = new RpcError(code, reason, message, details);
    }

    public RpcError Error { get; }

    public int Code => Error.Code;

    public string Reason => Error.Reason;

    /// <summary>
    /// <c>invalid_params</c> naming the parameter: the message reads <c>params.{path}: {problem}</c> and
    /// <c>data.param</c> holds the path. Use it for checks a schema cannot express (a height above the head).
    /// </summary>
    public static RpcException InvalidParams(string path, string problem) =>
        new(RpcErrorCodes.InvalidParams, RpcErrorReasons.InvalidParams, $"params.{path}: {problem}", new JsonObject { ["param"] = path });
}
