using System.Threading.Channels;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Chain;
using DaiChain.Node.Rpc.Subscriptions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Api;

/// <summary>
/// Publishes committed blocks to RPC subscribers: <c>newBlocks</c> (the header view) and
/// <c>accountTransactions</c> (each transaction, once per account it involves: its sender and every address named
/// in its receipt's events). Runs off the committing thread, from a bounded queue; when the queue is full the
/// block's events are skipped and counted, so subscribers can never slow consensus.
/// </summary>
public sealed class ChainEvents : ICommitObserver, IAsyncDisposable
{
    /// <summary>Committed blocks waiting to be published, at most.</summary>
    public const int QueueCapacity = 256;

    private readonly EventHub _hub;
    private readonly ITransactionHandlerNames _names;
    private readonly ILogger _logger;
    private readonly Channel<BlockCommitted> _queue = Channel.CreateBounded<BlockCommitted>(new BoundedChannelOptions(QueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
    private readonly Task _loop;
    private long _skipped;

    internal ChainEvents(EventHub hub, ITransactionHandlerNames names, ILogger<ChainEvents> logger)
    {
        _hub = hub;
        _names = names;
        _logger = logger;
        _loop = Task.Run(PublishLoopAsync);
    }

    /// <summary>Blocks whose events were skipped because the queue was full.</summary>
    public long Skipped => Interlocked.Read(ref _skipped);

    public void OnCommitted(BlockCommitted committed)
    {
        if (_hub.SubscriptionCount == 0)
        {
            return;
        }

        if (!_queue.Writer.TryWrite(committed) && Interlocked.Increment(ref _skipped) % 100 == 1)
        {
            _logger.LogWarning("subscription events of block {Height} skipped: the publish queue is full", committed.Block.Height);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
    }

    private async Task PublishLoopAsync()
    {
        await foreach (var committed in _queue.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                Publish(committed);
            }
            catch (Exception e)
            {
                _logger.LogError(e, "publishing the events of block {Height} failed", committed.Block.Height);
            }
        }
    }

    private void Publish(BlockCommitted committed)
    {
        var block = committed.Block;
        if (_hub.HasSubscribers(RpcTopics.NewBlocks.Name))
        {
            _hub.Publish(RpcTopics.NewBlocks.Name, null, ApiViewMapper.Header(block.Header, block.Transactions.Count), ApiJson.Default.HeaderView);
        }

        var accountsTopic = RpcTopics.AccountTransactions.Name;
        if (!_hub.HasSubscribers(accountsTopic, anyKey: true))
        {
            return;
        }

        var receipts = committed.Result.Receipts;
        var senders = committed.Result.Senders;
        for (var i = 0; i < block.Transactions.Count; i++)
        {
            var receipt = receipts[i];
            var accounts = new SortedSet<Address> { senders[i] };
            foreach (var e in receipt.Events)
            {
                foreach (var attribute in e.Attributes)
                {
                    if (attribute.Value.Length == 42 && Address.TryParse(attribute.Value, out var address))
                    {
                        accounts.Add(address);
                    }
                }
            }

            TransactionView? view = null;
            foreach (var account in accounts)
            {
                var key = account.ToString();
                if (_hub.HasSubscribers(accountsTopic, key))
                {
                    view ??= ApiViewMapper.Transaction(block.Transactions[i], _names, "committed", block, i, receipt, withProof: false, knownSender: senders[i]);
                    _hub.Publish(accountsTopic, key, view, ApiJson.Default.TransactionView);
                }
            }
        }
    }
}
