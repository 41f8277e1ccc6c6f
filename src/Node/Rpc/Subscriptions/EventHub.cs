using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using DaiChain.Node.Metrics;

namespace DaiChain.Node.Rpc.Subscriptions;

/// <summary>
/// The node's event fan-out: subscribers (WebSocket connections) register interest in topics, the node
/// publishes events, and each matching subscriber gets a JSON-RPC notification queued on its connection.
/// </summary>
/// <remarks>
/// Publishing takes a lock only to copy out the matching subscriptions, serializes the payload once (and not
/// at all when nobody listens), then queues without waiting: a subscriber whose bounded queue is full is
/// disconnected by its connection, never allowed to slow the publisher. The number of subscriptions is
/// bounded by connections times <see cref="RpcServerOptions.MaxSubscriptionsPerConnection"/>.
/// </remarks>
public sealed class EventHub : IEventPublisher
{
    /// <summary>The <c>method</c> of every notification message.</summary>
    public const string NotificationMethod = "subscription";

    private readonly Dictionary<string, TopicIndex> _topics;
    private readonly Lock _gate = new();
    private readonly MetricFamily<Counter> _published;
    private readonly Counter _undelivered;
    private int _count;

    public EventHub(IEnumerable<RpcTopic> topics, MetricsRegistry metrics)
    {
        _topics = new Dictionary<string, TopicIndex>(StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            if (!_topics.TryAdd(topic.Name, new TopicIndex(topic)))
            {
                throw new ArgumentException($"topic {topic.Name} is declared twice", nameof(topics));
            }
        }

        Topics = [.. _topics.Values.Select(t => t.Topic)];
        _published = metrics.CreateCounterFamily("daichain_rpc_events_published_total", "Events published to subscription topics, by topic.", "topic");
        _undelivered = metrics.CreateCounter(
            "daichain_rpc_notifications_undelivered_total", "Notifications not queued because the subscriber's send queue was full or closing.");
        metrics.CreateCallbackGauge("daichain_rpc_subscriptions", "Active WebSocket subscriptions.", () => SubscriptionCount);
    }

    public IReadOnlyList<RpcTopic> Topics { get; }

    public int SubscriptionCount => Volatile.Read(ref _count);

    /// <summary>
    /// True when an event on <paramref name="topicName"/> with <paramref name="key"/> would reach a subscriber, or —
    /// with <paramref name="anyKey"/> — when the topic has any subscription at all, so a publisher can skip building
    /// payloads nobody reads. A subscription made right after may miss the event.
    /// </summary>
    public bool HasSubscribers(string topicName, string? key = null, bool anyKey = false)
    {
        if (Volatile.Read(ref _count) == 0 || !_topics.TryGetValue(topicName, out var index))
        {
            return false;
        }

        var normalized = key is null ? null : index.Topic.NormalizeKey(key);
        lock (_gate)
        {
            return anyKey ? index.Count > 0 : index.HasMatch(normalized);
        }
    }

    public bool TryGetTopic(string name, out RpcTopic topic)
    {
        var found = _topics.TryGetValue(name, out var index);
        topic = index?.Topic!;
        return found;
    }

    public void Publish<T>(string topic, string? key, T payload, JsonTypeInfo<T> payloadType) =>
        Publish(topic, key, writer => JsonSerializer.Serialize(writer, payload, payloadType));

    public void Publish(string topic, string? key, JsonNode? payload) =>
        Publish(topic, key, writer =>
        {
            if (payload is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                payload.WriteTo(writer);
            }
        });

    internal Subscription Subscribe(RpcTopic topic, string? key, ISubscriber subscriber)
    {
        var index = _topics[topic.Name];
        var normalized = key is null ? null : topic.NormalizeKey(key);
        var subscription = new Subscription(NewId(), topic, normalized, subscriber);
        lock (_gate)
        {
            index.Add(subscription);
            _count++;
        }

        return subscription;
    }

    internal bool Unsubscribe(Subscription subscription)
    {
        lock (_gate)
        {
            if (!_topics[subscription.Topic.Name].Remove(subscription))
            {
                return false;
            }

            _count--;
            return true;
        }
    }

    private void Publish(string topicName, string? key, Action<Utf8JsonWriter> write)
    {
        if (!_topics.TryGetValue(topicName, out var index))
        {
            throw new ArgumentException($"no subscription topic named {topicName}; declared: {string.Join(", ", _topics.Keys)}", nameof(topicName));
        }

        _published.WithLabels(topicName).Inc();
        var normalized = key is null ? null : index.Topic.NormalizeKey(key);
        Subscription[] matches;
        lock (_gate)
        {
            matches = index.Matching(normalized);
        }

        if (matches.Length == 0)
        {
            return;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        foreach (var subscription in matches)
        {
            if (!subscription.Subscriber.TryDeliver(subscription.Notification(buffer.WrittenSpan)))
            {
                _undelivered.Inc();
            }
        }
    }

    private static string NewId() => "0x" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>Subscriptions to one topic: those without a filter, and those by key. Guarded by the hub's lock.</summary>
    private sealed class TopicIndex(RpcTopic topic)
    {
        private readonly List<Subscription> _unfiltered = [];
        private readonly Dictionary<string, List<Subscription>> _byKey = new(StringComparer.Ordinal);

        public RpcTopic Topic { get; } = topic;

        public void Add(Subscription subscription)
        {
            if (subscription.Key is null)
            {
                _unfiltered.Add(subscription);
                return;
            }

            if (!_byKey.TryGetValue(subscription.Key, out var list))
            {
                list = [];
                _byKey.Add(subscription.Key, list);
            }

            list.Add(subscription);
        }

        public bool Remove(Subscription subscription)
        {
            if (subscription.Key is null)
            {
                return _unfiltered.Remove(subscription);
            }

            if (!_byKey.TryGetValue(subscription.Key, out var list) || !list.Remove(subscription))
            {
                return false;
            }

            if (list.Count == 0)
            {
                _byKey.Remove(subscription.Key);
            }

            return true;
        }

        public int Count => _unfiltered.Count + _byKey.Count;

        public bool HasMatch(string? key) => _unfiltered.Count > 0 || (key is not null && _byKey.ContainsKey(key));

        public Subscription[] Matching(string? key)
        {
            List<Subscription>? keyed = null;
            if (key is not null)
            {
                _byKey.TryGetValue(key, out keyed);
            }

            var matches = new Subscription[_unfiltered.Count + (keyed?.Count ?? 0)];
            _unfiltered.CopyTo(matches);
            keyed?.CopyTo(matches, _unfiltered.Count);
            return matches;
        }
    }
}
