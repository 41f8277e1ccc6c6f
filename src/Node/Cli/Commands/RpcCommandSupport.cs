using System.Text.Json.Nodes;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary>Shared by the commands that talk to a node over JSON-RPC: the <c>--rpc</c> flag and error translation.</summary>
internal static class RpcCommandSupport
{
    public static readonly OptionSpec RpcOption = new("rpc", "URL", "the node's JSON-RPC URL (default http://127.0.0.1:8645/)");

    public static Uri Endpoint(CommandInput input)
    {
        var text = input.Option(RpcOption.Name) ?? "http://127.0.0.1:8645/";
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
            ? uri
            : throw new UsageException($"--rpc '{text}' is not an http:// URL");
    }

    /// <summary>Calls a method; a node error or an unreachable node becomes a <see cref="CommandException"/> with the node's sentence.</summary>
    public static JsonNode? Call(JsonRpcClient client, string method, JsonObject? parameters = null)
    {
        try
        {
            return client.CallAsync(method, parameters).GetAwaiter().GetResult();
        }
        catch (JsonRpcCallException e)
        {
            var code = e.Data is JsonObject data && data["code"] is JsonValue c ? $" [{c}]" : string.Empty;
            throw new CommandException($"{method}: {e.Message} ({e.Reason}{code})", e);
        }
        catch (HttpRequestException e)
        {
            throw new CommandException(e.Message, e);
        }
    }
}
