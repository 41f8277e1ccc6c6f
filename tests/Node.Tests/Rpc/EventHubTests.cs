using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Node.Metrics;
using DaiChain.Node.Rpc.Subscriptions;

namespace DaiChain.Node.Tests.Rpc;

public sealed class EventHubTests
{
    [Fact]
    public void Serializes_nothing_and_delivers_nothing_without_subscribers()
    {
        var hub = new EventHub(RpcTopics.All, new MetricsRegistry());

        hub.Publish(RpcTopics.NewBlocks.Name, null, new ThrowingPayload(), ThrowingJson.Default.ThrowingPayload);

        Assert.Equal(0, hub.SubscriptionCount);
    }

    [Fact]
    public void Sends_each_event_once_to_unfiltered_and_matching_keyed_subscribers()
    {
        var hub = new EventHub(RpcTopics.All, new MetricsRegistry());
        var all = new Inbox();
        var modelA = new Inbox();
        var modelB = new Inbox();
        hub.Subscribe(RpcTopics.RegistryEvents, null, all);
        var subscription = hub.Subscribe(RpcTopics.RegistryEvents, "a", modelA);
        hub.Subscribe(RpcTopics.RegistryEvents, "b", modelB);

        hub.Publish(RpcTopics.RegistryEvents.Name, "a", new JsonObject { ["n"] = 1 });
        hub.Publish(RpcTopics.RegistryEvents.Name, null, new JsonObject { ["n"] = 2 });

        Assert.Equal([1, 2], all.Messages.Select(m => m.GetProperty("params").GetProperty("result").GetProperty("n").GetInt32()));
        Assert.Equal(subscription.Id, Assert.Single(modelA.Messages).GetProperty("params").GetProperty("subscription").GetString());
        Assert.Empty(modelB.Messages);
    }

    [Fact]
    public void Counts_events_a_full_subscriber_could_not_take()
    {
        var metrics = new MetricsRegistry();
        var hub = new EventHub(RpcTopics.All, metrics);
        hub.Subscribe(RpcTopics.NewBlocks, null, new Inbox { Full = true });

        hub.Publish(RpcTopics.NewBlocks.Name, null, new JsonObject());

        Assert.Contains("daichain_rpc_notifications_undelivered_total 1\n", metrics.Expose(), StringComparison.Ordinal);
        Assert.Contains("daichain_rpc_events_published_total{topic=\"newBlocks\"} 1\n", metrics.Expose(), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_undeclared_topics_and_duplicate_declarations()
    {
        var hub = new EventHub(RpcTopics.All, new MetricsRegistry());

        var error = Assert.Throws<ArgumentException>(() => hub.Publish("newBlock", null, new JsonObject()));
        Assert.Contains("declared: newBlocks, accountTransactions, registryEvents", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new EventHub([RpcTopics.NewBlocks, RpcTopics.NewBlocks], new MetricsRegistry()));
    }

    [Fact]
    public void Forgets_unsubscribed_subscribers()
    {
        var hub = new EventHub(RpcTopics.All, new MetricsRegistry());
        var inbox = new Inbox();
        var subscription = hub.Subscribe(RpcTopics.AccountTransactions, "0xAA", inbox);

        Assert.True(hub.Unsubscribe(subscription));
        Assert.False(hub.Unsubscribe(subscription));
        hub.Publish(RpcTopics.AccountTransactions.Name, "0xaa", new JsonObject());

        Assert.Empty(inbox.Messages);
        Assert.Equal(0, hub.SubscriptionCount);
    }

    private sealed class Inbox : ISubscriber
    {
        public bool Full { get; init; }

        public List<JsonElement> Messages { get; } = [];

        public bool TryDeliver(byte[] message)
        {
            if (Full)
            {
                return false;
            }

            Messages.Add(JsonDocument.Parse(Encoding.UTF8.GetString(message)).RootElement);
            return true;
        }
    }
}
