using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>
/// Builds the OpenRPC 1.2.6 document that <c>rpc.discover</c> returns, from the registered and built-in
/// methods, and keeps it until a method is added.
/// </summary>
/// <remarks>
/// Every method is listed with <c>paramStructure: "either"</c> (by name or by position), its parameters as
/// content descriptors with their enforced schemas, its result, and the errors it may return. Two extension
/// fields say what OpenRPC has no word for: <c>x-access</c> (<c>read</c> or <c>write</c>; a read-only node
/// refuses writes) and <c>x-transport</c> (<c>websocket</c> for methods that need a connection).
/// </remarks>
internal sealed class OpenRpcDocument
{
    public const string Version = "1.2.6";

    private static readonly (int Code, string Reason, string Message)[] ServerErrors =
    [
        (RpcErrorCodes.ParseError, RpcErrorReasons.ParseError, "The body is not valid JSON."),
        (RpcErrorCodes.InvalidRequest, RpcErrorReasons.InvalidRequest, "The JSON is not a valid JSON-RPC 2.0 request or batch."),
        (RpcErrorCodes.MethodNotFound, RpcErrorReasons.MethodNotFound, "No such method; data.suggestion may name the intended one."),
        (RpcErrorCodes.InvalidParams, RpcErrorReasons.InvalidParams, "A parameter is missing, unknown or malformed; data.param names it."),
        (RpcErrorCodes.InternalError, RpcErrorReasons.InternalError, "The node failed; data.correlationId finds the log record."),
        (RpcErrorCodes.ReadOnly, RpcErrorReasons.ReadOnly, "This is a read-only audit node; send transactions to a validator or full node."),
        (RpcErrorCodes.RateLimited, RpcErrorReasons.RateLimited, "Too many requests from this address; data.retryAfterMs says when to retry."),
        (RpcErrorCodes.BodyTooLarge, RpcErrorReasons.BodyTooLarge, "The request body or message is larger than the limit."),
        (RpcErrorCodes.BatchTooLarge, RpcErrorReasons.BatchTooLarge, "The batch has more requests than the limit."),
        (RpcErrorCodes.JsonTooDeep, RpcErrorReasons.JsonTooDeep, "The JSON nests deeper than the limit."),
        (RpcErrorCodes.ResponseTooLarge, RpcErrorReasons.ResponseTooLarge, "The result is larger than the response limit; ask for less."),
        (RpcErrorCodes.TooManySubscriptions, RpcErrorReasons.TooManySubscriptions, "The connection holds the maximum number of subscriptions."),
        (RpcErrorCodes.Timeout, RpcErrorReasons.Timeout, "The method did not finish within the method timeout."),
        (RpcErrorCodes.Unavailable, RpcErrorReasons.Unavailable, "The node cannot serve this now; retry later."),
        (RpcErrorCodes.WebSocketOnly, RpcErrorReasons.WebSocketOnly, "The method needs a WebSocket connection (/ws)."),
        (RpcErrorCodes.OriginNotAllowed, RpcErrorReasons.OriginNotAllowed, "The browser origin is not allowed to call this node."),
    ];

    private readonly RpcServerOptions _options;
    private readonly RpcMethodRegistry _registry;
    private readonly Lock _gate = new();
    private object? _builtFrom;
    private string? _document;

    public OpenRpcDocument(RpcServerOptions options, RpcMethodRegistry registry)
    {
        _options = options;
        _registry = registry;
    }

    /// <summary>The server's own methods (rpc.discover, subscribe, unsubscribe); set once at start-up.</summary>
    public IReadOnlyList<RpcMethod> BuiltIns { get; set; } = [];

    /// <summary>The document as a fresh node (callers may hold or change it).</summary>
    public JsonNode Get()
    {
        lock (_gate)
        {
            var version = _registry.Version;
            if (_document is null || !ReferenceEquals(version, _builtFrom))
            {
                _document = Build().ToJsonString();
                _builtFrom = version;
            }

            return JsonNode.Parse(_document)!;
        }
    }

    private JsonObject Build()
    {
        var methods = new JsonArray();
        foreach (var method in BuiltIns.Concat(_registry.Methods).OrderBy(m => m.Name, StringComparer.Ordinal))
        {
            methods.Add(Method(method));
        }

        var errors = new JsonObject();
        foreach (var (code, reason, message) in ServerErrors)
        {
            errors[reason] = Error(code, reason, message);
        }

        var description = "DaiChain node JSON-RPC 2.0 API over HTTP POST (/) and WebSocket (/ws). Every error carries a stable "
            + "numeric code and data.reason (docs/spec/rpc.md)."
            + (_options.ReadOnly ? " This is a read-only audit node: methods with x-access 'write' are refused." : string.Empty);
        return new JsonObject
        {
            ["openrpc"] = Version,
            ["info"] = new JsonObject
            {
                ["title"] = "DaiChain JSON-RPC",
                ["version"] = _options.ApiVersion,
                ["description"] = description,
            },
            ["methods"] = methods,
            ["components"] = new JsonObject { ["errors"] = errors },
        };
    }

    private static JsonObject Method(RpcMethod method)
    {
        var parameters = new JsonArray();
        foreach (var param in method.Params)
        {
            parameters.Add(new JsonObject
            {
                ["name"] = param.Name,
                ["summary"] = param.Summary,
                ["required"] = param.Required,
                ["schema"] = param.Schema,
            });
        }

        var result = new JsonObject { ["name"] = method.ResultName };
        if (method.ResultSummary is not null)
        {
            result["summary"] = method.ResultSummary;
        }

        result["schema"] = method.ResultSchema;

        var errors = new JsonArray();
        foreach (var error in method.Errors)
        {
            errors.Add(Error(error.Code, error.Reason, error.Message));
        }

        if (method.Access == RpcAccess.Write)
        {
            errors.Add(Error(RpcErrorCodes.ReadOnly, RpcErrorReasons.ReadOnly, "this is a read-only audit node; send transactions to a validator or full node"));
        }

        var entry = new JsonObject
        {
            ["name"] = method.Name,
            ["summary"] = method.Summary,
        };
        if (method.Description is not null)
        {
            entry["description"] = method.Description;
        }

        entry["paramStructure"] = "either";
        entry["params"] = parameters;
        entry["result"] = result;
        if (errors.Count > 0)
        {
            entry["errors"] = errors;
        }

        entry["x-access"] = method.Access == RpcAccess.Write ? "write" : "read";
        if (method.WebSocketOnly)
        {
            entry["x-transport"] = "websocket";
        }

        return entry;
    }

    private static JsonObject Error(int code, string reason, string message) => new()
    {
        ["code"] = code,
        ["message"] = message,
        ["data"] = new JsonObject { ["reason"] = reason },
    };
}
