using System.Buffers;
using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using DaiChain.Node.Rpc.Subscriptions;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Rpc.WebSockets;

/// <summary>
/// One WebSocket connection: reads JSON-RPC messages and answers them in order, and carries the connection's
/// subscriptions, whose notifications share its bounded send queue.
/// </summary>
/// <remarks>
/// Two loops: the receive loop dispatches one message at a time and queues the response (waiting if the queue
/// is full, which slows only this client); the send loop is the only writer to the socket. Notifications are
/// queued without waiting; when the queue is full the subscriber is too slow and the connection is closed
/// with 1008 and a reason, after what was queued has been sent. Every close is bounded by
/// <see cref="CloseTimeout"/>, after which the socket is aborted.
/// </remarks>
internal sealed class WebSocketSession : ISubscriber, IDisposable
{
    /// <summary>How long a closing connection may take to flush its queue and complete the close handshake.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    private const int InitialReceiveBytes = 4096;

    private readonly WebSocket _socket;
    private readonly RpcDispatcher _dispatcher;
    private readonly EventHub _hub;
    private readonly RpcServerOptions _options;
    private readonly RpcMetrics _metrics;
    private readonly ILogger _logger;
    private readonly IPAddress? _remote;
    private readonly string _connectionId;
    private readonly Channel<byte[]> _outbound;
    private readonly CancellationTokenSource _abort = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string _closeReason = string.Empty;
    private int _closing;
    private long _messages;

    public WebSocketSession(WebSocket socket, RpcDispatcher dispatcher, EventHub hub, RpcServerOptions options, RpcMetrics metrics, ILogger logger, IPAddress? remote, string connectionId)
    {
        _socket = socket;
        _dispatcher = dispatcher;
        _hub = hub;
        _options = options;
        _metrics = metrics;
        _logger = logger;
        _remote = remote;
        _connectionId = connectionId;
        _outbound = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(options.WebSocketSendQueueLength)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public bool IsClosing => Volatile.Read(ref _closing) != 0;

    /// <summary>Serves the connection until either side closes it or <paramref name="stopping"/> fires.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        using var registration = stopping.Register(() => RequestClose(WebSocketCloseStatus.EndpointUnavailable, "the node is shutting down"));
        var sending = SendLoopAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            _logger.LogDebug(e, "WebSocket {Connection} receive ended", _connectionId);
        }
        finally
        {
            RequestClose(WebSocketCloseStatus.NormalClosure, string.Empty);
            await sending.ConfigureAwait(false);
            if (_socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
            {
                _socket.Abort();
            }
        }
    }

    /// <summary>Adds a subscription of this connection; returns its id.</summary>
    /// <exception cref="RpcException"><c>too_many_subscriptions</c> at the per-connection limit.</exception>
    public string Subscribe(RpcTopic topic, string? key)
    {
        lock (_gate)
        {
            if (_subscriptions.Count >= _options.MaxSubscriptionsPerConnection)
            {
                throw new RpcException(
                    RpcErrorCodes.TooManySubscriptions,
                    RpcErrorReasons.TooManySubscriptions,
                    $"this connection already holds {_options.MaxSubscriptionsPerConnection} subscriptions, the limit; unsubscribe from one first",
                    new JsonObject { ["limit"] = _options.MaxSubscriptionsPerConnection });
            }

            var subscription = _hub.Subscribe(topic, key, this);
            _subscriptions.Add(subscription.Id, subscription);
            return subscription.Id;
        }
    }

    public bool Unsubscribe(string id)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(id, out var subscription) && _hub.Unsubscribe(subscription);
        }
    }

    public bool TryDeliver(byte[] message)
    {
        if (IsClosing)
        {
            return false;
        }

        if (_outbound.Writer.TryWrite(message))
        {
            return true;
        }

        _metrics.SlowSubscribersDisconnected.Inc();
        _logger.LogWarning("WebSocket {Connection} from {Remote} closed: its send queue of {Limit} messages is full", _connectionId, _remote, _options.WebSocketSendQueueLength);
        RequestClose(
            WebSocketCloseStatus.PolicyViolation,
            $"subscriber too slow: {_options.WebSocketSendQueueLength} messages were waiting; reconnect and resubscribe");
        return false;
    }

    public void Dispose() => _abort.Dispose();

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialReceiveBytes, _options.MaxBodyBytes + 1));
        try
        {
            while (true)
            {
                var length = 0;
                var oversized = false;
                ValueWebSocketReceiveResult received;
                do
                {
                    if (oversized)
                    {
                        // Past the limit: read the rest of the message only to discard it.
                        length = 0;
                    }
                    else if (length == buffer.Length)
                    {
                        var grown = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, _options.MaxBodyBytes + 1));
                        buffer.AsSpan(0, length).CopyTo(grown);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = grown;
                    }

                    var room = Math.Min(buffer.Length, _options.MaxBodyBytes + 1) - length;
                    received = await _socket.ReceiveAsync(buffer.AsMemory(length, room), _abort.Token).ConfigureAwait(false);
                    if (received.MessageType == WebSocketMessageType.Close)
                    {
                        return;
                    }

                    length += received.Count;
                    oversized |= length > _options.MaxBodyBytes;
                }
                while (!received.EndOfMessage);

                if (oversized)
                {
                    if (!IsClosing)
                    {
                        await RefuseTooLargeAsync().ConfigureAwait(false);
                    }

                    continue;
                }

                if (IsClosing)
                {
                    // Closing: keep reading until the peer's close frame, so it receives everything sent before ours.
                    continue;
                }

                await HandleAsync(buffer.AsMemory(0, length)).ConfigureAwait(false);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> message)
    {
        var number = Interlocked.Increment(ref _messages);
        var origin = new RpcCallOrigin(RpcTransport.WebSocket, _remote, $"{_connectionId}/{number}", this);
        using var scope = _logger.BeginScope("correlation id {CorrelationId}", origin.CorrelationId);
        using var result = await _dispatcher.DispatchAsync(message, origin, _abort.Token).ConfigureAwait(false);
        if (!result.Body.IsEmpty)
        {
            await QueueAsync(result.Body.ToArray()).ConfigureAwait(false);
        }
    }

    private async Task RefuseTooLargeAsync()
    {
        using var refusal = RpcDispatcher.Reject(
            new RpcError(
                RpcErrorCodes.BodyTooLarge,
                RpcErrorReasons.BodyTooLarge,
                $"the message is larger than {_options.MaxBodyBytes} bytes, the limit; send smaller requests",
                new JsonObject { ["limit"] = _options.MaxBodyBytes }),
            0,
            _options.MaxResponseBytes);
        await QueueAsync(refusal.Body.ToArray()).ConfigureAwait(false);
        RequestClose(WebSocketCloseStatus.MessageTooBig, $"message larger than {_options.MaxBodyBytes} bytes");
    }

    private async Task QueueAsync(byte[] message)
    {
        try
        {
            await _outbound.Writer.WriteAsync(message, _abort.Token).ConfigureAwait(false);
        }
        catch (ChannelClosedException)
        {
            // Closing: the response is dropped with the connection.
        }
    }

    private async Task SendLoopAsync()
    {
        try
        {
            await foreach (var message in _outbound.Reader.ReadAllAsync(_abort.Token).ConfigureAwait(false))
            {
                await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, _abort.Token).ConfigureAwait(false);
            }

            if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await _socket.CloseOutputAsync(_closeStatus, _closeReason, _abort.Token).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or IOException)
        {
            _logger.LogDebug(e, "WebSocket {Connection} send ended", _connectionId);
            _socket.Abort();
        }
    }

    /// <summary>
    /// Starts closing once: subscriptions end at once, no more requests are served, what is queued is sent,
    /// then the close frame; all of it within <see cref="CloseTimeout"/>.
    /// </summary>
    private void RequestClose(WebSocketCloseStatus status, string reason)
    {
        if (Interlocked.Exchange(ref _closing, 1) != 0)
        {
            return;
        }

        RemoveAllSubscriptions();
        _closeStatus = status;
        _closeReason = reason;
        _outbound.Writer.TryComplete();
        try
        {
            _abort.CancelAfter(CloseTimeout);
        }
        catch (ObjectDisposedException)
        {
            // Already torn down.
        }
    }

    private void RemoveAllSubscriptions()
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions.Values)
            {
                _hub.Unsubscribe(subscription);
            }

            _subscriptions.Clear();
        }
    }
}
