using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Node.Rpc.Schema;
using DaiChain.Node.Rpc.Subscriptions;

namespace DaiChain.Node.Rpc;

/// <summary>The server's own methods: <c>rpc.discover</c>, <c>subscribe</c> and <c>unsubscribe</c>.</summary>
internal static class BuiltInMethods
{
    public const string Discover = "rpc.discover";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";

    public static IReadOnlyList<RpcMethod> Create(OpenRpcDocument document, EventHub hub)
    {
        var discover = new RpcMethodBuilder(Discover, "Returns the OpenRPC 1.2.6 document describing every method of this node.", RpcAccess.Read, builtIn: true)
            .Returns("openrpcDocument", new JsonObject { ["type"] = "object", ["description"] = "An OpenRPC 1.2.6 document." })
            .HandleJson((_, _) => ValueTask.FromResult<JsonNode?>(document.Get()));

        return [discover, CreateSubscribe(hub), CreateUnsubscribe()];
    }

    private static RpcMethod CreateSubscribe(EventHub hub)
    {
        var topicNames = hub.Topics.Select(t => t.Name).ToArray();
        var description = "Subscribes this WebSocket connection to a topic. Notifications arrive as JSON-RPC notifications "
            + $"with method \"{EventHub.NotificationMethod}\" and params {{subscription, topic, result}}. Topics: "
            + string.Join("; ", hub.Topics.Select(t => t.KeyName is null
                ? $"{t.Name} ({t.Summary})"
                : $"{t.Name} ({t.Summary} Filter: {t.KeyName}{(t.KeyRequired ? ", required" : ", optional")}.)"));
        var builder = new RpcMethodBuilder(Subscribe, "Subscribes to a topic's events; returns the subscription id.", RpcAccess.Read, builtIn: true)
            .WithDescription(description)
            .Param("topic", RpcSchema.Enum(topicNames), "The topic.");
        var keyNames = new List<string>();
        foreach (var topic in hub.Topics.Where(t => t.KeyName is not null))
        {
            if (!keyNames.Contains(topic.KeyName!))
            {
                keyNames.Add(topic.KeyName!);
                builder.OptionalParam(topic.KeyName!, topic.KeySchema!, $"Filter for {string.Join(", ", hub.Topics.Where(t => t.KeyName == topic.KeyName).Select(t => t.Name))}.");
            }
        }

        return builder
            .Returns("subscription", RpcSchema.String(description: "The subscription id, for unsubscribe and in every notification."))
            .Error(RpcErrorCodes.TooManySubscriptions, RpcErrorReasons.TooManySubscriptions, "The connection holds the maximum number of subscriptions.")
            .OnlyOverWebSocket()
            .HandleJson((parameters, context) =>
            {
                var session = context.Session ?? throw WebSocketOnlyError(Subscribe);
                hub.TryGetTopic(parameters.GetProperty("topic").GetString()!, out var topic);
                string? key = null;
                foreach (var keyName in keyNames)
                {
                    if (!parameters.TryGetProperty(keyName, out var value) || value.ValueKind == JsonValueKind.Null)
                    {
                        continue;
                    }

                    if (keyName != topic.KeyName)
                    {
                        var accepts = topic.KeyName is null ? "takes no filter" : $"is filtered by {topic.KeyName}";
                        throw RpcException.InvalidParams(keyName, $"topic {topic.Name} {accepts}");
                    }

                    if (topic.KeyValidator?.Validate(value, "params." + keyName) is { } problem)
                    {
                        throw new RpcException(RpcErrorCodes.InvalidParams, RpcErrorReasons.InvalidParams, problem, new JsonObject { ["param"] = keyName });
                    }

                    key = value.GetString();
                }

                if (topic.KeyRequired && key is null)
                {
                    throw RpcException.InvalidParams(topic.KeyName!, $"required for topic {topic.Name}");
                }

                return ValueTask.FromResult<JsonNode?>(session.Subscribe(topic, key));
            });
    }

    private static RpcMethod CreateUnsubscribe() =>
        new RpcMethodBuilder(Unsubscribe, "Cancels a subscription of this connection; returns whether it existed.", RpcAccess.Read, builtIn: true)
            .Param("subscription", RpcSchema.String(minLength: 1, maxLength: 64), "The id that subscribe returned.")
            .Returns("removed", RpcSchema.Boolean())
            .OnlyOverWebSocket()
            .HandleJson((parameters, context) =>
            {
                var session = context.Session ?? throw WebSocketOnlyError(Unsubscribe);
                return ValueTask.FromResult<JsonNode?>(session.Unsubscribe(parameters.GetProperty("subscription").GetString()!));
            });

    public static RpcException WebSocketOnlyError(string method) =>
        new(RpcErrorCodes.WebSocketOnly, RpcErrorReasons.WebSocketOnly, $"{method} needs a connection: call it over the WebSocket endpoint /ws");
}
