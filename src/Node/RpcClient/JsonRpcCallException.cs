using System.Text.Json.Nodes;

namespace DaiChain.Node.RpcClient;

/// <summary>A node answered a call with a JSON-RPC error; the message is the node's own sentence.</summary>
public sealed class JsonRpcCallException : Exception
{
    public JsonRpcCallException(string method, int code, string reason, string message, JsonNode? data)
        : base(message)
    {
        Method = method;
        Code = code;
        Reason = reason;
        Data = data;
    }

    public JsonRpcCallException()
        : this("(unknown)", 0, "unknown", "JSON-RPC error", null)
    {
    }

    public JsonRpcCallException(string message)
        : this("(unknown)", 0, "unknown", message, null)
    {
    }

    public JsonRpcCallException(string message, Exception innerException)
        : base(message, innerException)
    {
        Method = "(unknown)";
        Reason = "unknown";
    }

    public string Method { get; } = "(unknown)";

    public int Code { get; }

    /// <summary>The stable string code from the error's <c>data.reason</c>, or <c>unknown</c>.</summary>
    public string Reason { get; } = "unknown";

    public new JsonNode? Data { get; }

    internal static JsonRpcCallException From(string method, JsonObject error)
    {
        var code = error["code"] is JsonValue c && c.TryGetValue<int>(out var value) ? value : 0;
        var message = error["message"] is JsonValue m && m.TryGetValue<string>(out var text) ? text : "the node returned an error without a message";
        var data = error["data"];
        var reason = data is JsonObject d && d["reason"] is JsonValue r && r.TryGetValue<string>(out var why) ? why : "unknown";
        return new JsonRpcCallException(method, code, reason, message, data?.DeepClone());
    }
}
