using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.Rpc.Subscriptions;

namespace DaiChain.Node.Registry;

/// <summary>
/// Publishes the registry's events of a committed block on the WebSocket topic <c>registryEvents</c>, keyed by the
/// event's <c>model</c> attribute (so a subscriber filtering on a model sees that model's events); events without a
/// model (datasets, benchmarks, epoch rewards) reach unfiltered subscribers only.
/// </summary>
/// <remarks>The node's commit path calls <see cref="PublishBlock"/> after each block is stored; failed transactions have no events.</remarks>
public sealed class RegistryEventPublisher(IEventPublisher events)
{
    public const string EventPrefix = "registry.";

    /// <summary>Publishes every <c>registry.*</c> event of the block, transactions in order, then block events; returns how many.</summary>
    public int PublishBlock(ulong height, IReadOnlyList<Hash256> transactionHashes, IReadOnlyList<Receipt> receipts, IReadOnlyList<ReceiptEvent> blockEvents)
    {
        var published = 0;
        for (var i = 0; i < receipts.Count; i++)
        {
            foreach (var e in receipts[i].Events)
            {
                published += Publish(height, "0x" + transactionHashes[i], e);
            }
        }

        foreach (var e in blockEvents)
        {
            published += Publish(height, null, e);
        }

        return published;
    }

    private int Publish(ulong height, string? transaction, ReceiptEvent e)
    {
        if (!e.Type.StartsWith(EventPrefix, StringComparison.Ordinal))
        {
            return 0;
        }

        var attributes = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in e.Attributes)
        {
            attributes[key] = value;
        }

        var model = e["model"];
        events.Publish(RpcTopics.RegistryEvents.Name, string.IsNullOrEmpty(model) ? null : model.ToLowerInvariant(), new RegistryEventView(e.Type, height, transaction, attributes), RegistryJson.Default.RegistryEventView);
        return 1;
    }
}
