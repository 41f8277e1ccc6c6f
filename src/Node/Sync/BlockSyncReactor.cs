using System.Collections.Concurrent;
using System.Threading.Channels;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.Metrics;
using DaiChain.Node.P2P;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Sync;

/// <summary>
/// Block sync and status on their two channels: tells peers this node's height (on connect, on every commit and
/// periodically), serves committed blocks with their certificates, and — while following — downloads the blocks
/// it lacks from peers that have them, verifies each certificate against the validator set of its height,
/// executes and commits them in order.
/// </summary>
/// <remarks>
/// <para>Audit and full nodes follow for as long as they run. A validator follows at start until no peer is more
/// than one block ahead (<see cref="WaitUntilCaughtUpAsync"/>), then stops following and hands over to consensus,
/// whose catch-up covers small gaps; it keeps serving and announcing.</para>
/// <para>Bounds: at most <see cref="SyncOptions.Window"/> blocks are requested or held; requests from peers and
/// responses wait in bounded queues (drops only cost a retry); a request unanswered for
/// <see cref="SyncOptions.RequestTimeout"/> goes to another peer. A peer whose block or certificate does not verify
/// is reported as misbehaving (dropped and banned).</para>
/// </remarks>
public sealed class BlockSyncReactor : IReactor, ICommitObserver, IAsyncDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly SyncOptions _options;
    private readonly LocalChain _chain;
    private readonly IPeerNetwork _network;
    private readonly NodeMode _mode;
    private readonly TimeProvider _time;
    private readonly NodeMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<PeerId, PeerStatus> _peers = new();
    private readonly Channel<(IPeer Peer, ulong Height)> _serve;
    private readonly Channel<SyncInput> _inputs;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _loops = [];
    private readonly Lock _stepGate = new();
    private ITimer? _statusTimer;
    private volatile bool _following;

    public BlockSyncReactor(SyncOptions options, LocalChain chain, IPeerNetwork network, NodeMode mode, TimeProvider time, NodeMetrics metrics, ILogger<BlockSyncReactor> logger)
    {
        _options = options;
        _chain = chain;
        _network = network;
        _mode = mode;
        _time = time;
        _metrics = metrics;
        _logger = logger;
        _serve = Channel.CreateBounded<(IPeer, ulong)>(new BoundedChannelOptions(options.ServeQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        _inputs = Channel.CreateBounded<SyncInput>(new BoundedChannelOptions(options.InputQueueCapacity) { FullMode = BoundedChannelFullMode.Wait, SingleReader = true });
        Channels = ChannelsFor(options);
    }

    /// <summary>The status and block sync channels for <paramref name="options"/>: a block sync message may be <see cref="SyncOptions.MaxMessageBytes"/>.</summary>
    public static IReadOnlyList<ChannelDescriptor> ChannelsFor(SyncOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var blockBytes = Math.Max(options.MaxMessageBytes, 1024 * 1024);
        return
        [
            ChannelDescriptor.Default(ChannelId.Status),
            new ChannelDescriptor(ChannelId.BlockSync, Priority: 3, SendQueueCapacity: Math.Max(100, options.Window * 2), SendQueueBytesMax: Math.Max(64L * 1024 * 1024, 2L * blockBytes), MaxMessageBytes: blockBytes),
        ];
    }

    public IReadOnlyList<ChannelDescriptor> Channels { get; }

    /// <summary>True while this node downloads blocks (following, and a peer is ahead).</summary>
    public bool IsSyncing => _following && MaxPeerHeight > _chain.Height;

    /// <summary>True while the node follows the chain by block sync rather than by consensus.</summary>
    public bool IsFollowing => _following;

    /// <summary>The highest height any connected peer reported.</summary>
    public ulong MaxPeerHeight => _peers.Values.Where(p => p.Heard && p.Peer.IsConnected).Select(p => p.Height).DefaultIfEmpty(0UL).Max();

    /// <summary>What is known of each connected peer.</summary>
    public IReadOnlyCollection<PeerStatus> PeerStatuses => [.. _peers.Values];

    /// <summary>Starts the loops; <paramref name="follow"/> starts downloading blocks at once.</summary>
    public void Start(bool follow)
    {
        _following = follow;
        _loops.Add(Task.Run(() => ServeLoopAsync(_stopping.Token)));
        _loops.Add(Task.Run(() => SyncLoopAsync(_stopping.Token)));
        _statusTimer = _time.CreateTimer(static s => ((BlockSyncReactor)s!).Announce(), this, _options.StatusInterval, _options.StatusInterval);
    }

    /// <summary>
    /// Stops downloading (consensus takes over); serving and announcing go on. Returns after any block being
    /// applied has committed, so the caller sees a head that block sync no longer moves.
    /// </summary>
    public void StopFollowing()
    {
        lock (_stepGate)
        {
            _following = false;
        }

        _metrics.Syncing.Set(0);
    }

    /// <summary>The mode a peer reported in its status, or null before it did.</summary>
    public NodeMode? ModeOf(PeerId peer) => _peers.TryGetValue(peer, out var status) ? status.Mode : null;

    /// <summary>
    /// For a starting validator: waits until a peer has reported its height and none is more than one block
    /// ahead of this node, or until <paramref name="startupWait"/> passes without any peer reporting.
    /// </summary>
    /// <returns>True when caught up with a peer, false when no peer reported in time.</returns>
    public async Task<bool> WaitUntilCaughtUpAsync(TimeSpan startupWait, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var heard = _peers.Values.Any(p => p.Heard && p.Peer.IsConnected);
            if (heard && MaxPeerHeight <= _chain.Height + 1)
            {
                return true;
            }

            if (!heard && _time.GetElapsedTime(started) >= startupWait)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    public void AddPeer(IPeer peer)
    {
        _peers[peer.Id] = new PeerStatus(peer);
        peer.TrySend(ChannelId.Status, CurrentStatus().Encode());
    }

    public void RemovePeer(IPeer peer, string reason)
    {
        if (_peers.TryGetValue(peer.Id, out var status) && ReferenceEquals(status.Peer, peer))
        {
            _peers.TryRemove(new KeyValuePair<PeerId, PeerStatus>(peer.Id, status));
        }
    }

    public void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message)
    {
        if (channel == ChannelId.Status)
        {
            ReceiveStatus(peer, message.Span);
            return;
        }

        BlockSyncMessage decoded;
        try
        {
            decoded = BlockSyncMessage.Decode(message.Span);
        }
        catch (CodecException e)
        {
            _network.ReportMisbehavior(peer, $"undecodable block sync message: {e.Message}");
            return;
        }

        switch (decoded)
        {
            case BlockSyncMessage.Request request:
                _serve.Writer.TryWrite((peer, request.Height));
                break;
            default:
                _inputs.Writer.TryWrite(new SyncInput(peer, decoded));
                break;
        }
    }

    public void OnCommitted(BlockCommitted committed) => Announce();

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_statusTimer is not null)
        {
            await _statusTimer.DisposeAsync().ConfigureAwait(false);
        }

        _serve.Writer.TryComplete();
        _inputs.Writer.TryComplete();
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private StatusMessage CurrentStatus()
    {
        var head = _chain.Head;
        return new StatusMessage(head.Height, head.LastHeader?.Hash() ?? default, _mode);
    }

    private void Announce()
    {
        try
        {
            _network.Broadcast(ChannelId.Status, CurrentStatus().Encode());
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private void ReceiveStatus(IPeer peer, ReadOnlySpan<byte> bytes)
    {
        StatusMessage status;
        try
        {
            status = StatusMessage.Decode(bytes);
        }
        catch (CodecException e)
        {
            _network.ReportMisbehavior(peer, $"undecodable status message: {e.Message}");
            return;
        }

        var known = _peers.GetOrAdd(peer.Id, _ => new PeerStatus(peer));
        known.Update(status);
        if (_following && status.Height > _chain.Height)
        {
            _inputs.Writer.TryWrite(SyncInput.Wake);
        }
    }

    private async Task ServeLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var (peer, height) in _serve.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                var block = height == 0 ? null : _chain.Store.GetBlock(height);
                var certificate = block is null ? null : _chain.GetCertificate(height);
                BlockSyncMessage answer = block is null || certificate is null
                    ? new BlockSyncMessage.NoBlock(height)
                    : new BlockSyncMessage.BlockAt(height, block.Encode(), certificate);
                peer.TrySend(ChannelId.BlockSync, answer.Encode());
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                _logger.LogError(e, "serving block {Height} to {Peer} failed", height, peer);
            }
        }
    }

    private async Task SyncLoopAsync(CancellationToken cancellationToken)
    {
        var pending = new Dictionary<ulong, (PeerId Peer, long Since)>();
        var received = new Dictionary<ulong, SyncInput>();
        var rotation = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            using (var tick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                tick.CancelAfter(Tick);
                try
                {
                    await _inputs.Reader.WaitToReadAsync(tick.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }

            try
            {
                lock (_stepGate)
                {
                    rotation = Step(pending, received, rotation);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not Ledger.InvariantViolationException)
            {
                _logger.LogError(e, "block sync step failed");
            }
        }
    }

    private int Step(Dictionary<ulong, (PeerId Peer, long Since)> pending, Dictionary<ulong, SyncInput> received, int rotation)
    {
        var head = _chain.Height;
        while (_inputs.Reader.TryRead(out var input))
        {
            switch (input.Message)
            {
                case BlockSyncMessage.BlockAt block when pending.TryGetValue(block.Height, out var asked) && asked.Peer == input.Peer!.Id:
                    pending.Remove(block.Height);
                    if (block.Height > head && _following)
                    {
                        received[block.Height] = input;
                    }

                    break;
                case BlockSyncMessage.NoBlock none when pending.TryGetValue(none.Height, out var asked) && asked.Peer == input.Peer!.Id:
                    pending.Remove(none.Height);
                    if (_peers.TryGetValue(input.Peer.Id, out var status))
                    {
                        status.Lacks(none.Height);
                    }

                    break;
            }
        }

        if (!_following)
        {
            pending.Clear();
            received.Clear();
            return rotation;
        }

        // Apply what is next, in order.
        while (received.Remove(_chain.Height + 1, out var next))
        {
            Apply((BlockSyncMessage.BlockAt)next.Message!, next.Peer!);
        }

        head = _chain.Height;
        foreach (var stale in received.Keys.Where(h => h <= head).ToList())
        {
            received.Remove(stale);
        }

        foreach (var (height, asked) in pending.ToList())
        {
            if (height <= head || _time.GetElapsedTime(asked.Since) >= _options.RequestTimeout)
            {
                pending.Remove(height);
            }
        }

        // Ask for the window after the head, spreading requests over the peers that have each block.
        var candidates = _peers.Values.Where(p => p.Heard && p.Peer.IsConnected && p.Height > head).ToArray();
        var maxHeight = candidates.Length == 0 ? head : candidates.Max(p => p.Height);
        _metrics.Syncing.Set(maxHeight > head ? 1 : 0);
        for (var h = head + 1; h <= head + (ulong)_options.Window && h <= maxHeight; h++)
        {
            if (pending.ContainsKey(h) || received.ContainsKey(h))
            {
                continue;
            }

            var able = candidates.Where(p => p.Height >= h).ToArray();
            if (able.Length == 0)
            {
                break;
            }

            var peer = able[rotation++ % able.Length].Peer;
            if (peer.TrySend(ChannelId.BlockSync, new BlockSyncMessage.Request(h).Encode()))
            {
                pending[h] = (peer.Id, _time.GetTimestamp());
            }
        }

        return rotation & int.MaxValue;
    }

    private void Apply(BlockSyncMessage.BlockAt message, IPeer from)
    {
        Block block;
        try
        {
            block = Block.FromBytes(message.Block);
        }
        catch (CodecException e)
        {
            _network.ReportMisbehavior(from, $"sent an undecodable block {message.Height}: {e.Message}");
            return;
        }

        var outcome = _chain.ApplySynced(block, message.Certificate);
        if (!outcome.IsSuccess)
        {
            _logger.LogWarning("block {Height} from {Peer} rejected: {Reason}", message.Height, from, outcome);
            _network.ReportMisbehavior(from, $"sent block {message.Height} that does not verify: {outcome}");
            return;
        }

        if (block.Height % 100 == 0)
        {
            _logger.LogInformation("synced to height {Height}; peers are at {PeerHeight}", block.Height, MaxPeerHeight);
        }
    }

    /// <summary>A response from a peer, or a nudge to look at the peers' heights now.</summary>
    private readonly record struct SyncInput(IPeer? Peer, BlockSyncMessage? Message)
    {
        public static SyncInput Wake => default;
    }
}
