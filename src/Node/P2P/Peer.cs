using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.P2P;

/// <summary>
/// One authenticated connection: a receive loop that decrypts frames, reassembles messages and hands them to the
/// channel's reactor; a send loop that drains the <see cref="PeerSendQueue"/> in priority order, coalescing frames
/// into few socket writes; and a watchdog that pings, and disconnects a peer that is silent or will not read.
/// </summary>
/// <remarks>
/// The first call to <see cref="Close"/> wins: it records the reason, bans if asked (before the socket closes, so a
/// banned peer cannot redial into the gap), closes the queue and the socket; both loops then end and
/// <see cref="RunAsync"/> returns. All loops are bounded: every frame is at most <see cref="FrameCodec.MaxWireBytes"/>,
/// every batch at most <see cref="WriteBufferBytes"/>, every message its channel's maximum.
/// </remarks>
internal sealed class Peer : IPeer
{
    /// <summary>Bytes sealed into one socket write at most.</summary>
    public const int WriteBufferBytes = 4 * FrameCodec.MaxWireBytes;

    /// <summary>Value of the write start timestamp while no write is pending (a timestamp can be 0).</summary>
    private const long NotWriting = long.MinValue;

    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly FrameReader _reader;
    private readonly FrameCipher _sendCipher;
    private readonly FrameCipher _receiveCipher;
    private readonly PeerSendQueue _queue;
    private readonly ChannelRouter _router;
    private readonly MessageAssembler?[] _assemblers = new MessageAssembler?[256];
    private readonly P2POptions _options;
    private readonly TimeProvider _time;
    private readonly P2PCounters _counters;
    private readonly ILogger _logger;
    private readonly Action<PeerId, string> _ban;
    private readonly ITimer? _watchdog;
    private long _lastReceived;
    private long _lastSent;
    private long _writeStarted = NotWriting;
    private int _closed;
    private PeerCloseInfo? _closeInfo;

    public Peer(
        Socket socket,
        NetworkStream stream,
        FrameReader reader,
        HandshakeResult handshake,
        bool isOutbound,
        bool isPersistent,
        ChannelRouter router,
        P2POptions options,
        TimeProvider time,
        P2PCounters counters,
        ILogger logger,
        Action<PeerId, string> ban)
    {
        _socket = socket;
        _stream = stream;
        _reader = reader;
        _sendCipher = handshake.SendCipher;
        _receiveCipher = handshake.ReceiveCipher;
        Id = handshake.RemoteId;
        RemoteEndPoint = (IPEndPoint)socket.RemoteEndPoint!;
        IsOutbound = isOutbound;
        IsPersistent = isPersistent;
        _router = router;
        _options = options;
        _time = time;
        _counters = counters;
        _logger = logger;
        _ban = ban;
        _queue = new PeerSendQueue(router.Channels, options.SendFragmentBytes);
        _lastReceived = _lastSent = time.GetTimestamp();
        _watchdog = options.PingInterval == Timeout.InfiniteTimeSpan
            ? null
            : time.CreateTimer(static state => ((Peer)state!).Watchdog(), this, options.PingInterval, options.PingInterval);
    }

    public PeerId Id { get; }

    public IPEndPoint RemoteEndPoint { get; }

    public bool IsOutbound { get; }

    public bool IsPersistent { get; }

    public bool IsConnected => Volatile.Read(ref _closed) == 0;

    /// <summary>True while a socket write is pending (the peer has not taken all bytes yet).</summary>
    public bool IsWriting => Volatile.Read(ref _writeStarted) != NotWriting;

    /// <summary>Time since the last frame arrived from the peer.</summary>
    public TimeSpan SilentFor => _time.GetElapsedTime(Volatile.Read(ref _lastReceived));

    /// <summary>Completes when the switch has removed the peer and told every reactor (set by the switch).</summary>
    public TaskCompletionSource Removed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool TrySend(ChannelId channel, ReadOnlyMemory<byte> message)
    {
        if (_queue.TryEnqueue(channel, message) == SendResult.Queued)
        {
            return true;
        }

        _counters.MessageDropped(channel);
        return false;
    }

    /// <summary>Closes the connection once; later calls do nothing. With <paramref name="ban"/> the peer is banned first.</summary>
    public void Close(string reason, bool ban)
    {
        if (Interlocked.Exchange(ref _closed, 1) != 0)
        {
            return;
        }

        _closeInfo = new PeerCloseInfo(reason, ban);
        if (ban)
        {
            _ban(Id, reason);
        }

        _queue.Close();
        _socket.Dispose();
    }

    /// <summary>Runs the loops until the connection ends; never throws. Must be called once for every peer constructed (it releases the watchdog timer).</summary>
    public async Task<PeerCloseInfo> RunAsync()
    {
        var reading = Task.Run(ReceiveLoopAsync);
        var writing = Task.Run(SendLoopAsync);
        await Task.WhenAll(reading, writing).ConfigureAwait(false);
        Close("closed", ban: false);
        _watchdog?.Dispose();
        _sendCipher.Dispose();
        _receiveCipher.Dispose();
        return _closeInfo!;
    }

    public override string ToString() => $"{Id.ToShortString()}@{RemoteEndPoint} ({(IsOutbound ? "out" : "in")})";

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var plaintext = await _reader.ReadFrameAsync(_receiveCipher, FrameCodec.MaxPlaintextBytes, CancellationToken.None).ConfigureAwait(false);
                Volatile.Write(ref _lastReceived, _time.GetTimestamp());
                if (!Dispatch(plaintext.Span))
                {
                    return;
                }
            }
        }
        catch (P2PProtocolException e)
        {
            _counters.ProtocolViolation();
            Close($"protocol violation ({e.Violation}): {e.Message}", ban: true);
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            Close(IsConnected ? $"connection lost: {e.Message}" : "closed", ban: false);
        }
    }

    /// <summary>Handles one decrypted frame; returns false if the peer was closed because a reactor failed.</summary>
    private bool Dispatch(ReadOnlySpan<byte> plaintext)
    {
        var frame = FrameCodec.Decode(plaintext);
        switch (frame.Kind)
        {
            case FrameKind.Ping:
                _queue.EnqueuePong();
                return true;
            case FrameKind.Pong:
                return true;
        }

        if (!_router.TryGet(frame.Channel, out var descriptor, out var reactor))
        {
            throw new P2PProtocolException(ProtocolViolation.UnknownChannel, $"message on channel {(byte)frame.Channel}, which no reactor serves");
        }

        var assembler = _assemblers[(byte)frame.Channel] ??= new MessageAssembler(descriptor);
        var message = assembler.Add(frame.Data, frame.IsLast);
        if (message is null)
        {
            return true;
        }

        _counters.MessageReceived(frame.Channel, message.Length);
        try
        {
            reactor.Receive(this, frame.Channel, message);
            return true;
        }
#pragma warning disable CA1031 // A reactor bug must disconnect this peer, not kill the receive loop silently or the process.
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "reactor {Reactor} failed on a {Channel} message from {Peer}; disconnecting", reactor.GetType().Name, frame.Channel, this);
            Close($"reactor {reactor.GetType().Name} failed: {e.Message}", ban: false);
            return false;
        }
    }

    private async Task SendLoopAsync()
    {
        var batch = new byte[WriteBufferBytes];
        var plaintext = new byte[FrameCodec.MaxPlaintextBytes];
        try
        {
            while (IsConnected)
            {
                await _queue.WaitAsync().ConfigureAwait(false);
                var length = 0;
                while (batch.Length - length >= FrameCodec.MaxWireBytes && _queue.TryTake(out var fragment))
                {
                    int plaintextLength;
                    if (fragment.Kind == FrameKind.Message)
                    {
                        FrameCodec.WriteMessageHeader(plaintext, fragment.Channel, fragment.IsLast);
                        fragment.Data.Span.CopyTo(plaintext.AsSpan(FrameCodec.MessageHeaderBytes));
                        plaintextLength = FrameCodec.MessageHeaderBytes + fragment.Data.Length;
                        _counters.FragmentSent(fragment.Channel, fragment.Data.Length, fragment.IsLast);
                    }
                    else
                    {
                        plaintext[0] = (byte)fragment.Kind;
                        plaintextLength = 1;
                    }

                    length += _sendCipher.Seal(plaintext.AsSpan(0, plaintextLength), batch.AsSpan(length));
                }

                if (length == 0)
                {
                    continue;
                }

                Volatile.Write(ref _writeStarted, _time.GetTimestamp());
                await _stream.WriteAsync(batch.AsMemory(0, length), CancellationToken.None).ConfigureAwait(false);
                var now = _time.GetTimestamp();
                Volatile.Write(ref _writeStarted, NotWriting);
                Volatile.Write(ref _lastSent, now);
            }
        }
        catch (Exception e) when (IsConnectionEnd(e))
        {
            Close(IsConnected ? $"connection lost while sending: {e.Message}" : "closed", ban: false);
        }
    }

    private void Watchdog()
    {
        if (!IsConnected)
        {
            return;
        }

        var now = _time.GetTimestamp();
        var silent = _time.GetElapsedTime(Volatile.Read(ref _lastReceived), now);
        if (silent > _options.IdleTimeout)
        {
            _logger.LogInformation("peer {Peer} sent nothing for {Silent}; disconnecting", this, silent);
            Close($"idle for {silent.TotalSeconds:0.#} s", ban: false);
            return;
        }

        var writeStarted = Volatile.Read(ref _writeStarted);
        if (writeStarted != NotWriting && _time.GetElapsedTime(writeStarted, now) > _options.SendStallTimeout)
        {
            _logger.LogInformation("peer {Peer} has not read for {Stall}; disconnecting", this, _time.GetElapsedTime(writeStarted, now));
            Close("send stalled: the peer does not read", ban: false);
            return;
        }

        if (_time.GetElapsedTime(Volatile.Read(ref _lastSent), now) >= _options.PingInterval)
        {
            _queue.EnqueuePing();
        }
    }

    private static bool IsConnectionEnd(Exception e) =>
        e is IOException or SocketException or EndOfStreamException or ObjectDisposedException or OperationCanceledException;
}
