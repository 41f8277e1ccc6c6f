using System.Threading.Channels;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Mempool;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.P2P;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Gossip;

/// <summary>
/// Transaction gossip on the mempool channel: every transaction this node admits to its mempool — from RPC or from
/// a peer — is sent on, in batches, to the other peers; duplicates and invalid transactions are not.
/// </summary>
/// <remarks>
/// <para>Admission is the mempool's (<see cref="TransactionPool.Add(ReadOnlySpan{byte})"/>), so a transaction is gossiped
/// only once per node (the second copy is a duplicate) and only if valid against the node's committed state.
/// Received batches are checked off the P2P receive loop, on this reactor's own loop. A peer that sends bytes that
/// are not a transaction, or a transaction whose signature does not verify, is reported as misbehaving; other
/// rejections (a nonce already used, a full pool) are normal under gossip and not held against it.</para>
/// <para>A transaction is not sent back to the peer it came from.</para>
/// <para>Both queues are bounded; when one is full the newest transactions are dropped and counted (gossip is best
/// effort: the submitting node still has the transaction).</para>
/// </remarks>
public sealed class MempoolReactor : IReactor, IAsyncDisposable
{
    private readonly GossipOptions _options;
    private readonly TransactionPool _pool;
    private readonly IPeerNetwork _network;
    private readonly Func<IPeer, bool> _wantsTransactions;
    private readonly ILogger _logger;
    private readonly Channel<(IPeer Peer, ReadOnlyMemory<byte> Message)> _received;
    private readonly Channel<(byte[] Transaction, PeerId? Origin)> _outgoing;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private long _droppedReceived;
    private long _droppedOutgoing;

    /// <param name="options">Bounds.</param>
    /// <param name="pool">The mempool.</param>
    /// <param name="network">The switch.</param>
    /// <param name="wantsTransactions">Whether a peer should be sent transactions (audit peers need none).</param>
    /// <param name="logger">Log.</param>
    public MempoolReactor(GossipOptions options, TransactionPool pool, IPeerNetwork network, Func<IPeer, bool> wantsTransactions, ILogger<MempoolReactor> logger)
    {
        _options = options;
        _pool = pool;
        _network = network;
        _wantsTransactions = wantsTransactions;
        _logger = logger;
        _received = Channel.CreateBounded<(IPeer, ReadOnlyMemory<byte>)>(new BoundedChannelOptions(Math.Max(16, options.ReceiveQueueCapacity / Math.Max(1, options.BatchSize))) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _outgoing = Channel.CreateBounded<(byte[], PeerId?)>(new BoundedChannelOptions(options.GossipQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        Channels =
        [
            new ChannelDescriptor(ChannelId.Mempool, Priority: 5, SendQueueCapacity: 5_000, SendQueueBytesMax: Math.Max(16L * 1024 * 1024, options.MaxMessageBytes * 2L), MaxMessageBytes: options.MaxMessageBytes),
        ];
    }

    public IReadOnlyList<ChannelDescriptor> Channels { get; }

    /// <summary>Gossip messages from peers dropped because the receive queue was full.</summary>
    public long DroppedReceived => Interlocked.Read(ref _droppedReceived);

    /// <summary>Admitted transactions not gossiped because the send queue was full.</summary>
    public long DroppedOutgoing => Interlocked.Read(ref _droppedOutgoing);

    public void Start()
    {
        if (!_options.Enabled)
        {
            return;
        }

        _loops.Add(Task.Run(() => ReceiveLoopAsync(_stopping.Token)));
        _loops.Add(Task.Run(() => GossipLoopAsync(_stopping.Token)));
    }

    /// <summary>Admits a transaction submitted to this node (RPC) and, if admitted, gossips it.</summary>
    public MempoolAdmission Submit(SignedTransaction transaction)
    {
        var admission = _pool.Add(transaction);
        if (admission.Accepted)
        {
            Enqueue(transaction.Encoded.ToArray(), origin: null);
        }

        return admission;
    }

    public void AddPeer(IPeer peer)
    {
    }

    public void RemovePeer(IPeer peer, string reason)
    {
    }

    public void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message)
    {
        if (!_options.Enabled)
        {
            return;
        }

        if (!_received.Writer.TryWrite((peer, message)))
        {
            Interlocked.Increment(ref _droppedReceived);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        _received.Writer.TryComplete();
        _outgoing.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private void Enqueue(byte[] transaction, PeerId? origin)
    {
        if (!_outgoing.Writer.TryWrite((transaction, origin)))
        {
            Interlocked.Increment(ref _droppedOutgoing);
        }
    }

    private async Task ReceiveLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var (peer, message) in _received.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            HandleReceived(peer, message);
        }
    }

    /// <summary>Admits a received batch: gossips what is new, reports the sender of what is invalid.</summary>
    internal void HandleReceived(IPeer peer, ReadOnlyMemory<byte> message)
    {
        byte[][] transactions;
        try
        {
            transactions = TransactionBatch.Decode(message.Span);
        }
        catch (CodecException e)
        {
            _network.ReportMisbehavior(peer, $"undecodable transaction gossip: {e.Message}");
            return;
        }

        foreach (var bytes in transactions)
        {
            var admission = _pool.Add(bytes);
            if (admission.Accepted)
            {
                Enqueue(bytes, peer.Id);
            }
            else if (admission.Outcome.Code is ErrorCodes.MalformedTransaction or ErrorCodes.BadSignature)
            {
                _network.ReportMisbehavior(peer, $"gossiped an invalid transaction {admission.TransactionHash}: {admission.Outcome}");
                return;
            }
        }
    }

    private async Task GossipLoopAsync(CancellationToken cancellationToken)
    {
        while (await _outgoing.Reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                GossipBatch();
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "transaction gossip failed");
            }
        }
    }

    /// <summary>Takes one batch of waiting transactions and sends it; false when none was waiting.</summary>
    internal bool GossipBatch()
    {
        var batch = new List<(byte[] Transaction, PeerId? Origin)>();
        var bytes = 0L;
        while (batch.Count < _options.BatchSize && bytes < _options.BatchBytes && _outgoing.Reader.TryRead(out var item))
        {
            batch.Add(item);
            bytes += item.Transaction.Length;
        }

        if (batch.Count > 0)
        {
            Send(batch);
        }

        return batch.Count > 0;
    }

    /// <summary>Sends the batch to every peer that wants transactions, less what came from that peer.</summary>
    private void Send(List<(byte[] Transaction, PeerId? Origin)> batch)
    {
        byte[]? shared = null;
        foreach (var peer in _network.Peers)
        {
            if (!_wantsTransactions(peer))
            {
                continue;
            }

            var fromPeer = batch.Any(item => item.Origin == peer.Id);
            byte[] message;
            if (fromPeer)
            {
                var others = batch.Where(item => item.Origin != peer.Id).Select(item => item.Transaction).ToList();
                if (others.Count == 0)
                {
                    continue;
                }

                message = TransactionBatch.Encode(others);
            }
            else
            {
                message = shared ??= TransactionBatch.Encode(batch.Select(item => item.Transaction).ToList());
            }

            peer.TrySend(ChannelId.Mempool, message);
        }
    }
}
