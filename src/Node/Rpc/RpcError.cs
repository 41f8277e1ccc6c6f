using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>
/// A JSON-RPC error object: <c>{"code": ..., "message": ..., "data": {"reason": ..., ...details}}</c>.
/// </summary>
/// <remarks>
/// <c>data</c> is always an object with the stable <see cref="Reason"/>; <see cref="Details"/> adds facts a
/// client can act on (the offending parameter, a suggested method, when to retry). Messages never contain
/// stack traces or exception text from the node's internals.
/// </remarks>
public sealed class RpcError
{
    public RpcError(int code, string reason, string message, JsonObject? details = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(reason);
        ArgumentException.ThrowIfNullOrEmpty(message);
        if (details is not null && details.ContainsKey("reason"))
        {
            throw new ArgumentException("details may not override 'reason'", nameof(details));
        }

        Code = code;
        Reason = reason;
        Message = message;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public string Message { get; }

    /// <summary>Extra members of <c>data</c> besides <c>reason</c>; null when there are none.</summary>
    public JsonObject? Details { get; }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", Code);
        writer.WriteString("message", Message);
        writer.WriteStartObject("data");
        writer.WriteString("reason", Reason);
        if (Details is not null)
        {
            foreach (var (name, value) in Details)
            {
                writer.WritePropertyName(name);
                if (value is null)
                {
                    writer.WriteNullValue();
                }
                else
                {
                    value.WriteTo(writer);
                }
            }
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
