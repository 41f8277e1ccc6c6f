using System.Collections.Concurrent;
using System.Threading.Channels;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Artifacts;
using DaiChain.Node.P2P;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Registry;

/// <summary>
/// The artifacts channel: serves chunks of the artifacts this node holds, and fetches artifacts it lacks from peers,
/// one peer at a time, chunk by chunk, into a private file that becomes visible only when its SHA-256 equals the hash
/// the chain names (<see cref="ArtifactStore.PutAsync(Hash256, Stream, CancellationToken)"/>).
/// </summary>
/// <remarks>
/// Each chunk is checked as it arrives (the requested offset, a consistent total size under the store's cap, the
/// exact length); only the whole artifact can be checked against the chain, so a peer whose bytes do not hash to the
/// hash is reported as misbehaving and the fetch moves on to the next peer. Serving runs on its own loop fed by a
/// bounded queue (requests beyond it are dropped; the requester times out and asks another peer), so
/// <see cref="Receive"/> never blocks the peer's receive loop.
/// </remarks>
public sealed class ArtifactsReactor : IReactor, IAsyncDisposable
{
    private const int ServeQueueLength = 64;

    private readonly ArtifactStore _store;
    private readonly IArtifactChunkSource _source;
    private readonly ILogger _logger;
    private readonly TimeSpan _requestTimeout;
    private readonly ConcurrentDictionary<PeerId, IPeer> _peers = new();
    private readonly ConcurrentDictionary<ulong, Pending> _pending = new();
    private readonly Channel<(IPeer Peer, ArtifactMessage Request)> _serve =
        Channel.CreateBounded<(IPeer, ArtifactMessage)>(new BoundedChannelOptions(ServeQueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _serving;
    private IPeerNetwork? _network;
    private long _nextRequestId;

    public ArtifactsReactor(ArtifactStore store, ILogger logger, IArtifactChunkSource? source = null, TimeSpan? requestTimeout = null)
    {
        _store = store;
        _source = source ?? new StoreChunkSource(store);
        _logger = logger;
        _requestTimeout = requestTimeout ?? TimeSpan.FromSeconds(30);
        _serving = Task.Run(ServeAsync);
    }

    public IReadOnlyList<ChannelDescriptor> Channels { get; } = [ChannelDescriptor.Default(ChannelId.Artifacts)];

    /// <summary>Gives the reactor the network it reports misbehaviour to; call after creating the switch, before starting it.</summary>
    public void Attach(IPeerNetwork network) => _network = network;

    public void AddPeer(IPeer peer) => _peers[peer.Id] = peer;

    public void RemovePeer(IPeer peer, string reason)
    {
        _peers.TryRemove(peer.Id, out _);
        foreach (var (id, pending) in _pending)
        {
            if (pending.Peer == peer.Id)
            {
                pending.Reply.TrySetResult(null);
                _pending.TryRemove(id, out _);
            }
        }
    }

    public void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message)
    {
        ArtifactMessage decoded;
        try
        {
            decoded = ArtifactMessage.Decode(message.Span);
        }
        catch (CodecException e)
        {
            _network?.ReportMisbehavior(peer, $"malformed artifacts message: {e.Message}");
            return;
        }

        if (decoded.Kind == ArtifactMessageKind.Request)
        {
            _serve.Writer.TryWrite((peer, decoded));
            return;
        }

        if (_pending.TryGetValue(decoded.RequestId, out var pending) && pending.Peer == peer.Id && pending.Hash == decoded.Hash)
        {
            pending.Reply.TrySetResult(decoded);
        }
    }

    /// <summary>
    /// Makes sure this node holds <paramref name="hash"/>: returns at once when it does, else fetches it from the
    /// connected peers in id order until one supplies bytes that hash to it.
    /// </summary>
    /// <exception cref="ArtifactFetchException">No peer supplied it.</exception>
    public async Task<ArtifactInfo> FetchAsync(Hash256 hash, CancellationToken cancellationToken = default)
    {
        if (_store.Contains(hash))
        {
            return _store.GetInfo(hash);
        }

        var tried = new HashSet<PeerId>();
        var reasons = new List<string>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var peer = _peers.Values.Where(p => p.IsConnected && !tried.Contains(p.Id)).OrderBy(p => p.Id.ToString(), StringComparer.Ordinal).FirstOrDefault();
            if (peer is null)
            {
                throw new ArtifactFetchException($"no connected peer supplied artifact 0x{hash} ({(reasons.Count == 0 ? "no peers" : string.Join("; ", reasons))})");
            }

            tried.Add(peer.Id);
            var (info, problem) = await TryFetchFromAsync(peer, hash, cancellationToken).ConfigureAwait(false);
            if (info is not null)
            {
                _logger.LogInformation("Fetched artifact {Hash} ({Bytes} bytes) from peer {Peer}", hash, info.SizeBytes, peer.Id);
                return info;
            }

            reasons.Add($"{peer.Id}: {problem}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        _serve.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await _serving.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stopping.Dispose();
    }

    private async Task<(ArtifactInfo? Info, string Problem)> TryFetchFromAsync(IPeer peer, Hash256 hash, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(_store.Root, "fetch");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".part");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, Share = FileShare.None, Options = FileOptions.DeleteOnClose | FileOptions.Asynchronous };
        var file = new FileStream(path, options);
        await using (file.ConfigureAwait(false))
        {
            long offset = 0;
            long? total = null;
            while (total is null || offset < total)
            {
                var want = (int)Math.Min(ArtifactMessage.MaxChunkBytes, (total ?? long.MaxValue) - offset);
                var reply = await RequestAsync(peer, hash, offset, want, cancellationToken).ConfigureAwait(false);
                if (reply is null)
                {
                    return (null, "no answer (timeout or disconnect)");
                }

                if (reply.Kind == ArtifactMessageKind.NotHeld)
                {
                    return (null, "does not hold it");
                }

                var size = (long)Math.Min(reply.TotalSize, long.MaxValue);
                var expected = (int)Math.Min(ArtifactMessage.MaxChunkBytes, size - offset);
                if (reply.Offset != (ulong)offset || (total is { } known && known != size) || size > _store.MaxArtifactBytes || reply.Data.Length != Math.Min(expected, want) || (size > 0 && reply.Data.Length == 0))
                {
                    _network?.ReportMisbehavior(peer, $"artifact 0x{hash}: a chunk that does not fit the request (offset {reply.Offset}, total {reply.TotalSize}, {reply.Data.Length} bytes)");
                    return (null, "sent a chunk that does not fit the request");
                }

                total = size;
                await file.WriteAsync(reply.Data, cancellationToken).ConfigureAwait(false);
                offset += reply.Data.Length;
            }

            file.Position = 0;
            try
            {
                return (await _store.PutAsync(hash, file, cancellationToken).ConfigureAwait(false), string.Empty);
            }
            catch (ArtifactStoreException e) when (e.Code == "hash_mismatch")
            {
                _network?.ReportMisbehavior(peer, $"served bytes that do not hash to artifact 0x{hash}");
                return (null, "served bytes that do not hash to the artifact");
            }
        }
    }

    private async Task<ArtifactMessage?> RequestAsync(IPeer peer, Hash256 hash, long offset, int length, CancellationToken cancellationToken)
    {
        var id = (ulong)Interlocked.Increment(ref _nextRequestId);
        var pending = new Pending(peer.Id, hash, new TaskCompletionSource<ArtifactMessage?>(TaskCreationOptions.RunContinuationsAsynchronously));
        _pending[id] = pending;
        try
        {
            if (!peer.TrySend(ChannelId.Artifacts, new ArtifactMessage(ArtifactMessageKind.Request, id, hash, (ulong)offset, (uint)length).Encode()))
            {
                return null;
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_requestTimeout);
            try
            {
                return await pending.Reply.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return null;
            }
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ServeAsync()
    {
        await foreach (var (peer, request) in _serve.Reader.ReadAllAsync(_stopping.Token).ConfigureAwait(false))
        {
            try
            {
                var size = _source.SizeOf(request.Hash);
                var data = size is null ? null : await _source.ReadChunkAsync(request.Hash, (long)Math.Min(request.Offset, long.MaxValue), (int)request.Length, _stopping.Token).ConfigureAwait(false);
                var reply = data is null || size is null
                    ? new ArtifactMessage(ArtifactMessageKind.NotHeld, request.RequestId, request.Hash)
                    : new ArtifactMessage(ArtifactMessageKind.Chunk, request.RequestId, request.Hash, request.Offset, 0, (ulong)size.Value, data);
                peer.TrySend(ChannelId.Artifacts, reply.Encode());
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _logger.LogWarning(e, "Could not serve artifact {Hash} to peer {Peer}", request.Hash, peer.Id);
            }
        }
    }

    private sealed record Pending(PeerId Peer, Hash256 Hash, TaskCompletionSource<ArtifactMessage?> Reply);
}
