using System.Buffers;
using System.Text.Json;

namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>One client's interest in a topic, with an optional key filter.</summary>
internal sealed class Subscription
{
    private readonly byte[] _prefix;
    private static readonly byte[] Suffix = "}}"u8.ToArray();

    public Subscription(string id, RpcTopic topic, string? key, ISubscriber subscriber)
    {
        Id = id;
        Topic = topic;
        Key = key;
        Subscriber = subscriber;
        // Everything of the notification before the payload, written once: the payload is serialized once per
        // event and spliced between this prefix and the closing braces for each subscriber.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("jsonrpc", "2.0");
            writer.WriteString("method", EventHub.NotificationMethod);
            writer.WriteStartObject("params");
            writer.WriteString("subscription", id);
            writer.WriteString("topic", topic.Name);
            writer.WritePropertyName("result");
            writer.Flush();
        }

        _prefix = buffer.WrittenSpan.ToArray();
    }

    public string Id { get; }

    public RpcTopic Topic { get; }

    /// <summary>The normalized filter key, or null for every event of the topic.</summary>
    public string? Key { get; }

    public ISubscriber Subscriber { get; }

    /// <summary>The full notification message for one event payload.</summary>
    public byte[] Notification(ReadOnlySpan<byte> payload)
    {
        var message = new byte[_prefix.Length + payload.Length + Suffix.Length];
        _prefix.CopyTo(message, 0);
        payload.CopyTo(message.AsSpan(_prefix.Length));
        Suffix.CopyTo(message, _prefix.Length + payload.Length);
        return message;
    }
}
