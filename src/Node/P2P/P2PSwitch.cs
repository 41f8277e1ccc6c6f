using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.P2P;

/// <summary>
/// The P2P core (CometBFT's switch): accepts and dials TCP connections, runs the authenticated handshake, keeps one
/// connection per node key, routes each channel's messages to its <see cref="IReactor"/>, redials persistent peers with
/// backoff and bans misbehaving peers.
/// </summary>
/// <remarks>
/// Lifecycle: construct, <see cref="AddReactor"/> for every subsystem, <see cref="Start"/>, then
/// <see cref="StopAsync"/>. Reactors are usually constructed with the switch as their <see cref="IPeerNetwork"/>.
/// <para>
/// Duplicate connections: when two authenticated connections to the same node exist (both dialed at once, or a
/// redial before the old connection was noticed dead), the one dialed by the node with the lower id is kept on both
/// sides, so both ends choose the same connection without talking about it. A lone connection is always kept, and an
/// existing connection silent for more than 1.5 ping intervals (probably dead: the remote restarted) gives way to the
/// new one.
/// </para>
/// <para>
/// Bans: a peer that breaks the frame protocol (bad MAC, malformed or oversize frame, unknown channel) or that a
/// reactor reports with <see cref="ReportMisbehavior"/> is dropped and refused for <see cref="P2POptions.BanDuration"/>,
/// measured on the injected <see cref="TimeProvider"/>. Failures before authentication (garbage, a wrong chain, a bad
/// signature) drop the connection without a ban, because the key they claim is not proven and banning it would let
/// anyone get an honest node banned.
/// </para>
/// </remarks>
public sealed class P2PSwitch : IPeerNetwork, IAsyncDisposable
{
    private static readonly TimeSpan AcceptRetryDelay = TimeSpan.FromMilliseconds(100);

    private readonly P2POptions _options;
    private readonly INodeIdentity _identity;
    private readonly IHandshakeCrypto _crypto;
    private readonly IPeerAuthorizer _authorizer;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ChannelRouter _router = new();
    private readonly BanList _bans;
    private readonly ReconnectBackoff _backoff;
    private readonly FrozenSet<PeerId> _persistent;
    private readonly Dictionary<PeerId, Peer> _peers = [];
    private readonly HashSet<Task> _running = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stopping = new();
    private IPeer[] _snapshot = [];
    private TcpListener? _listener;
    private int _pendingHandshakes;
    private int _state;

    public P2PSwitch(
        P2POptions options,
        INodeIdentity identity,
        IHandshakeCrypto crypto,
        IPeerAuthorizer authorizer,
        TimeProvider timeProvider,
        Random random,
        ILogger<P2PSwitch>? logger = null,
        IChannelTrafficObserver? trafficObserver = null)
    {
        options.Validate();
        _options = options;
        _identity = identity;
        _crypto = crypto;
        _authorizer = authorizer;
        _time = timeProvider;
        _logger = logger ?? (ILogger)NullLogger.Instance;
        _bans = new BanList(timeProvider, options.MaxBans);
        _backoff = new ReconnectBackoff(options.ReconnectBaseDelay, options.ReconnectMaxDelay, random);
        _persistent = options.PersistentPeers.Select(p => p.Id).ToFrozenSet();
        Counters = new P2PCounters(trafficObserver);
    }

    /// <summary>This node's id.</summary>
    public PeerId LocalId => _identity.Id;

    /// <summary>Traffic and connection counters for the metrics endpoint.</summary>
    public P2PCounters Counters { get; }

    /// <summary>The bound listening address after <see cref="Start"/> (with the actual port when 0 was configured).</summary>
    public IPEndPoint? ListenEndPoint { get; private set; }

    public IReadOnlyList<IPeer> Peers => Volatile.Read(ref _snapshot);

    /// <summary>Adds a reactor for its channels. Only before <see cref="Start"/>; a channel may have one reactor.</summary>
    public void AddReactor(IReactor reactor)
    {
        if (Volatile.Read(ref _state) != 0)
        {
            throw new InvalidOperationException("reactors must be added before the switch starts");
        }

        _router.Add(reactor);
    }

    /// <summary>Binds the listener (if configured), starts accepting and starts dialing the persistent peers.</summary>
    /// <exception cref="SocketException">The listen address cannot be bound.</exception>
    public void Start()
    {
        if (Interlocked.CompareExchange(ref _state, 1, 0) != 0)
        {
            throw new InvalidOperationException("the switch was already started");
        }

        if (_router.Reactors.Count == 0)
        {
            throw new InvalidOperationException("add at least one reactor before starting the switch");
        }

        if (_options.ListenEndPoint is { } endPoint)
        {
            _listener = new TcpListener(endPoint);
            if (_options.SocketBufferBytes > 0)
            {
                _listener.Server.ReceiveBufferSize = _options.SocketBufferBytes;
                _listener.Server.SendBufferSize = _options.SocketBufferBytes;
            }

            _listener.Start(backlog: Math.Max(16, _options.MaxPendingHandshakes));
            ListenEndPoint = (IPEndPoint)_listener.LocalEndpoint;
            Track(AcceptLoopAsync(_listener));
            _logger.LogInformation("P2P listening on {EndPoint} as node {Node}", ListenEndPoint, LocalId);
        }

        foreach (var address in _options.PersistentPeers)
        {
            Track(KeepConnectedAsync(address));
        }
    }

    /// <summary>Stops accepting and dialing, disconnects every peer and waits for all loops to end.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _state, 2) != 1)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener?.Stop();
        foreach (var peer in PeersInternal())
        {
            peer.Close("node stopping", ban: false);
        }

        while (true)
        {
            Task[] running;
            lock (_gate)
            {
                running = [.. _running];
            }

            if (running.Length == 0)
            {
                break;
            }

            await Task.WhenAll(running).ConfigureAwait(false);
        }

        _logger.LogInformation("P2P stopped");
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _listener?.Dispose();
        _stopping.Dispose();
    }

    /// <summary>
    /// Dials <paramref name="address"/> once and returns the connected peer (the existing connection if the node was
    /// already connected and the tie-break kept it).
    /// </summary>
    /// <exception cref="HandshakeException">The handshake failed or the node is banned.</exception>
    /// <exception cref="SocketException">The TCP connection failed.</exception>
    public async Task<IPeer> DialAsync(PeerAddress address, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _state) != 1)
        {
            throw new InvalidOperationException("the switch is not running");
        }

        if (TryGetPeer(address.Id, out var existing))
        {
            return existing;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stopping.Token);
        return await ConnectAsync(address, linked.Token).ConfigureAwait(false);
    }

    public bool TryGetPeer(PeerId id, [NotNullWhen(true)] out IPeer? peer)
    {
        lock (_gate)
        {
            var found = _peers.TryGetValue(id, out var p);
            peer = p;
            return found;
        }
    }

    public int Broadcast(ChannelId channel, ReadOnlyMemory<byte> message)
    {
        var sent = 0;
        foreach (var peer in Peers)
        {
            if (peer.TrySend(channel, message))
            {
                sent++;
            }
        }

        return sent;
    }

    public void ReportMisbehavior(IPeer peer, string reason)
    {
        _logger.LogWarning("peer {Peer} misbehaved: {Reason}; dropping and banning", peer, reason);
        if (peer is Peer connected)
        {
            connected.Close($"misbehaved: {reason}", ban: true);
        }
        else
        {
            Ban(peer.Id, reason);
        }
    }

    /// <summary>Bans <paramref name="peer"/> for <paramref name="duration"/> (default <see cref="P2POptions.BanDuration"/>) and drops its connection.</summary>
    public void Ban(PeerId peer, string reason, TimeSpan? duration = null)
    {
        var until = _bans.Ban(peer, duration ?? _options.BanDuration);
        Counters.Banned();
        _logger.LogWarning("banned node {Node} until {Until:O}: {Reason}", peer, until, reason);
        if (TryGetPeer(peer, out var connected))
        {
            ((Peer)connected).Close($"banned: {reason}", ban: false);
        }
    }

    public bool IsBanned(PeerId peer) => _bans.IsBanned(peer, out _);

    /// <summary>Disconnects <paramref name="peer"/> without a ban (a persistent peer is redialed).</summary>
    public void Disconnect(IPeer peer, string reason)
    {
        if (peer is Peer connected)
        {
            _logger.LogInformation("disconnecting peer {Peer}: {Reason}", peer, reason);
            connected.Close(reason, ban: false);
        }
    }

    /// <summary>Disconnects every peer the authorizer no longer allows (call after the node registry changes).</summary>
    public void RevalidatePeers()
    {
        foreach (var peer in PeersInternal().Where(p => !_authorizer.IsAuthorized(p.Id)))
        {
            _logger.LogWarning("node {Node} is no longer in the node registry; disconnecting", peer.Id);
            peer.Close("removed from the node registry", ban: false);
        }
    }

    private async Task AcceptLoopAsync(TcpListener listener)
    {
        var stopping = _stopping.Token;
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of descriptors or a transient network error: pause so the loop cannot spin.
                _logger.LogWarning("accept failed: {Error}", e.Message);
                try
                {
                    await Task.Delay(AcceptRetryDelay, _time, stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                continue;
            }

            if (Interlocked.Increment(ref _pendingHandshakes) > _options.MaxPendingHandshakes)
            {
                Interlocked.Decrement(ref _pendingHandshakes);
                Counters.ConnectionRejectedAtAccept();
                _logger.LogWarning("refused a connection from {EndPoint}: {Count} handshakes already in progress", socket.RemoteEndPoint, _options.MaxPendingHandshakes);
                socket.Dispose();
                continue;
            }

            Track(AcceptAsync(socket));
        }
    }

    private async Task AcceptAsync(Socket socket)
    {
        Counters.ConnectionAccepted();
        var remote = socket.RemoteEndPoint;
        Peer peer;
        try
        {
            peer = await HandshakeAsync(socket, expected: null, isOutbound: false, _stopping.Token).ConfigureAwait(false);
        }
        catch (HandshakeException e)
        {
            LogRefusal(remote, e);
            return;
        }
        catch (OperationCanceledException)
        {
            return;
        }
        finally
        {
            Interlocked.Decrement(ref _pendingHandshakes);
        }

        Register(peer);
    }

    private async Task<IPeer> ConnectAsync(PeerAddress address, CancellationToken cancellationToken)
    {
        if (_bans.IsBanned(address.Id, out var until))
        {
            throw new HandshakeException(HandshakeFailure.Banned, $"node {address.Id.ToShortString()} is banned until {until:O}");
        }

        var socket = IPAddress.TryParse(address.Host, out var ip)
            ? new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp)
            : new Socket(SocketType.Stream, ProtocolType.Tcp);
        try
        {
            ConfigureSocket(socket);
            using (var connectDeadline = new CancellationTokenSource(_options.DialTimeout, _time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, connectDeadline.Token))
            {
                try
                {
                    if (ip is not null)
                    {
                        await socket.ConnectAsync(new IPEndPoint(ip, address.Port), linked.Token).ConfigureAwait(false);
                    }
                    else
                    {
                        await socket.ConnectAsync(address.Host, address.Port, linked.Token).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException e) when (connectDeadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    throw new SocketException((int)SocketError.TimedOut, $"connecting to {address.Host}:{address.Port} timed out: {e.Message}");
                }
            }
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        Counters.ConnectionDialed();
        var remote = socket.RemoteEndPoint;
        Peer peer;
        try
        {
            peer = await HandshakeAsync(socket, address.Id, isOutbound: true, cancellationToken).ConfigureAwait(false);
        }
        catch (HandshakeException e)
        {
            LogRefusal(remote, e);
            throw;
        }

        var (registered, kept) = Register(peer);
        if (!registered)
        {
            return kept ?? throw new HandshakeException(HandshakeFailure.ConnectionClosed, $"node {address.Id.ToShortString()} was refused after the handshake");
        }

        return peer;
    }

    /// <summary>Runs the handshake on a connected socket; on failure the socket is closed and the failure counted.</summary>
    private async Task<Peer> HandshakeAsync(Socket socket, PeerId? expected, bool isOutbound, CancellationToken cancellationToken)
    {
        var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            ConfigureSocket(socket);
            var reader = new FrameReader(stream);
            var settings = new HandshakeSettings(_options.ChainId, _identity, _crypto, expected, Admit);
            var result = await Handshake.RunAsync(stream, reader, settings, _options.HandshakeTimeout, _time, cancellationToken).ConfigureAwait(false);
            var persistent = _persistent.Contains(result.RemoteId);
            return new Peer(socket, stream, reader, result, isOutbound, persistent, _router, _options, _time, Counters, _logger, BanFromPeer);
        }
        catch (HandshakeException e)
        {
            Counters.HandshakeFailed(e.Failure);
            await stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            throw;
        }
        catch
        {
            await stream.DisposeAsync().ConfigureAwait(false);
            socket.Dispose();
            throw;
        }
    }

    private void ConfigureSocket(Socket socket)
    {
        socket.NoDelay = true;
        if (_options.SocketBufferBytes > 0)
        {
            socket.SendBufferSize = _options.SocketBufferBytes;
            socket.ReceiveBufferSize = _options.SocketBufferBytes;
        }
    }

    private HandshakeException? Admit(PeerId remote)
    {
        if (_bans.IsBanned(remote, out var until))
        {
            return new HandshakeException(HandshakeFailure.Banned, $"node {remote} is banned until {until:O}");
        }

        if (!_authorizer.IsAuthorized(remote))
        {
            return new HandshakeException(HandshakeFailure.Unauthorized, $"node key {remote} is not in the node registry");
        }

        return null;
    }

    /// <summary>
    /// Adds an authenticated peer, applying bans, the registry, the inbound limit and the duplicate tie-break; starts
    /// serving it if kept. Returns whether it was kept, and otherwise the connection kept instead (if any).
    /// </summary>
    private (bool Registered, IPeer? Kept) Register(Peer peer)
    {
        string? refusal = null;
        Peer? replaced = null;
        Peer? kept = null;
        lock (_gate)
        {
            if (_stopping.IsCancellationRequested)
            {
                refusal = "node stopping";
            }
            else if (_bans.IsBanned(peer.Id, out var until))
            {
                refusal = $"banned until {until:O}";
            }
            else if (!_authorizer.IsAuthorized(peer.Id))
            {
                refusal = "not in the node registry";
            }
            else if (_peers.TryGetValue(peer.Id, out var existing))
            {
                if (PreferNew(existing, peer))
                {
                    replaced = existing;
                    _peers[peer.Id] = peer;
                }
                else
                {
                    refusal = "a connection to this node already exists (tie-break keeps the one dialed by the lower id)";
                    kept = existing;
                }
            }
            else if (!peer.IsOutbound && !peer.IsPersistent && _peers.Values.Count(p => !p.IsOutbound) >= _options.MaxInboundPeers)
            {
                refusal = $"inbound peer limit {_options.MaxInboundPeers} reached";
            }
            else
            {
                _peers[peer.Id] = peer;
            }

            if (refusal is null)
            {
                _snapshot = [.. _peers.Values];
            }
        }

        if (refusal is not null)
        {
            _logger.LogInformation("dropping connection {Peer}: {Reason}", peer, refusal);
            peer.Close(refusal, ban: false);
            Track(DiscardAsync(peer));
            return (false, kept);
        }

        if (replaced is not null)
        {
            _logger.LogInformation("replacing connection {Old} with {New} (tie-break)", replaced, peer);
            replaced.Close("replaced by a simultaneous connection (tie-break)", ban: false);
        }

        Track(ServeAsync(peer, replaced?.Removed.Task));
        return (true, null);
    }

    private bool PreferNew(Peer existing, Peer candidate)
    {
        // A live peer sends at least a ping every interval; one silent for longer is probably a dead connection
        // the kernel has not reported yet (the remote restarted), so the fresh connection wins whatever its direction.
        if (!existing.IsConnected || (_options.PingInterval != Timeout.InfiniteTimeSpan && existing.SilentFor > 1.5 * _options.PingInterval))
        {
            return true;
        }

        var keptIsDialedByUs = LocalId < candidate.Id;
        var candidateCanonical = candidate.IsOutbound == keptIsDialedByUs;
        var existingCanonical = existing.IsOutbound == keptIsDialedByUs;
        return candidateCanonical && !existingCanonical;
    }

    private static async Task DiscardAsync(Peer peer)
    {
        await peer.RunAsync().ConfigureAwait(false);
        peer.Removed.TrySetResult();
    }

    private async Task ServeAsync(Peer peer, Task? predecessorRemoved)
    {
        if (predecessorRemoved is not null)
        {
            await predecessorRemoved.ConfigureAwait(false);
        }

        _logger.LogInformation("peer {Peer} connected", peer);
        foreach (var reactor in _router.Reactors)
        {
            try
            {
                reactor.AddPeer(peer);
            }
#pragma warning disable CA1031 // A failing reactor drops this peer; it must not take the switch down.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "reactor {Reactor} failed to add peer {Peer}", reactor.GetType().Name, peer);
                peer.Close($"reactor {reactor.GetType().Name} failed to add the peer", ban: false);
            }
        }

        var info = await peer.RunAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_peers.TryGetValue(peer.Id, out var current) && ReferenceEquals(current, peer))
            {
                _peers.Remove(peer.Id);
                _snapshot = [.. _peers.Values];
            }
        }

        Counters.PeerDisconnected();
        _logger.LogInformation("peer {Peer} disconnected: {Reason}", peer, info.Reason);
        foreach (var reactor in _router.Reactors)
        {
            try
            {
                reactor.RemovePeer(peer, info.Reason);
            }
#pragma warning disable CA1031 // A failing reactor must not stop the others from hearing that the peer is gone.
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "reactor {Reactor} failed to remove peer {Peer}", reactor.GetType().Name, peer);
            }
        }

        peer.Removed.TrySetResult();
    }

    /// <summary>Keeps one persistent peer connected: waits while connected, redials with backoff while not.</summary>
    private async Task KeepConnectedAsync(PeerAddress address)
    {
        var stopping = _stopping.Token;
        var failures = 0;
        var first = true;
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (TryGetPeer(address.Id, out var connected))
                {
                    var since = _time.GetTimestamp();
                    await ((Peer)connected).Removed.Task.WaitAsync(stopping).ConfigureAwait(false);
                    failures = _time.GetElapsedTime(since) >= _options.ReconnectMaxDelay ? 0 : failures + 1;
                    first = false;
                }

                if (_bans.IsBanned(address.Id, out var until))
                {
                    await Task.Delay(until - _time.GetUtcNow() + TimeSpan.FromMilliseconds(1), _time, stopping).ConfigureAwait(false);
                    continue;
                }

                if (!first)
                {
                    await Task.Delay(_backoff.Delay(failures), _time, stopping).ConfigureAwait(false);
                }

                first = false;
                if (TryGetPeer(address.Id, out _))
                {
                    continue;
                }

                await ConnectAsync(address, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HandshakeException or SocketException or IOException or OperationCanceledException)
            {
                failures++;
                _logger.LogDebug("dial {Address} failed ({Failures} in a row): {Error}", address, failures, e.Message);
            }
#pragma warning disable CA1031 // The redial loop of a persistent peer must outlive any single failed attempt.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failures++;
                _logger.LogError(e, "dial {Address} failed unexpectedly ({Failures} in a row)", address, failures);
            }
        }
    }

    private void BanFromPeer(PeerId peer, string reason)
    {
        var until = _bans.Ban(peer, _options.BanDuration);
        Counters.Banned();
        _logger.LogWarning("banned node {Node} until {Until:O}: {Reason}", peer, until, reason);
    }

    private void LogRefusal(EndPoint? remote, HandshakeException e)
    {
        var level = e.Failure is HandshakeFailure.Unauthorized or HandshakeFailure.BadSignature or HandshakeFailure.ChainIdMismatch or HandshakeFailure.VersionMismatch or HandshakeFailure.DecryptionFailed
            ? LogLevel.Warning
            : LogLevel.Information;
        _logger.Log(level, "refused connection {EndPoint} in the handshake ({Failure}): {Reason}", remote, e.Failure, e.Message);
    }

    private Peer[] PeersInternal()
    {
        lock (_gate)
        {
            return [.. _peers.Values];
        }
    }

    private void Track(Task task)
    {
        lock (_gate)
        {
            if (task.IsCompleted)
            {
                return;
            }

            _running.Add(task);
        }

        task.ContinueWith(
            (t, state) =>
            {
                var self = (P2PSwitch)state!;
                lock (self._gate)
                {
                    self._running.Remove(t);
                }

                if (t.Exception is { } error)
                {
                    self._logger.LogError(error, "a P2P background task failed");
                }
            },
            this,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }
}
