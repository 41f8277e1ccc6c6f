using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>
/// What the node calls when something subscribers may want happens: a block committed, a transaction touched
/// an account, a registry event. Never blocks and never throws because of a subscriber.
/// </summary>
public interface IEventPublisher
{
    /// <summary>
    /// Sends <paramref name="payload"/> to every subscription to <paramref name="topic"/> whose filter is
    /// <paramref name="key"/> or that has no filter. The payload is serialized once, and only if someone listens.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="topic"/> is not a declared topic (a wiring mistake).</exception>
    void Publish<T>(string topic, string? key, T payload, JsonTypeInfo<T> payloadType);

    /// <summary>As <see cref="Publish{T}"/>, for a payload already built as JSON.</summary>
    void Publish(string topic, string? key, JsonNode? payload);
}
