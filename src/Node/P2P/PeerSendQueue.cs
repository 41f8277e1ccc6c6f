namespace DaiChain.Node.P2P;

/// <summary>
/// The bounded outgoing queues of one peer: one FIFO per channel, taken in strict priority order one fragment at a
/// time, with pending ping and pong frames ahead of everything.
/// </summary>
/// <remarks>
/// Bounds: each channel holds at most its <see cref="ChannelDescriptor.SendQueueCapacity"/> messages and
/// <see cref="ChannelDescriptor.SendQueueBytesMax"/> bytes; a message over either bound is refused (the caller's <c>TrySend</c> returns
/// false) rather than blocking the caller, so a slow peer can never stall a reactor. A message is taken fragment by
/// fragment, and priority is re-evaluated between fragments, so a consensus message waits for at most one fragment
/// of a large block. Messages of one channel stay in order.
/// </remarks>
internal sealed class PeerSendQueue
{
    private readonly Lane[] _lanes;
    private readonly Lane?[] _laneByChannel = new Lane?[256];
    private readonly int _fragmentBytes;
    private readonly Lock _gate = new();
    private long _queuedBytes;
    private bool _pingPending;
    private bool _pongPending;
    private bool _closed;
    private TaskCompletionSource? _waiter;

    public PeerSendQueue(IEnumerable<ChannelDescriptor> channels, int fragmentBytes)
    {
        _lanes = channels
            .OrderByDescending(c => c.Priority)
            .ThenBy(c => (byte)c.Id)
            .Select(c => new Lane(c))
            .ToArray();
        foreach (var lane in _lanes)
        {
            _laneByChannel[(byte)lane.Descriptor.Id] = lane;
        }

        _fragmentBytes = fragmentBytes;
    }

    /// <summary>Bytes of messages queued and not yet taken.</summary>
    public long QueuedBytes
    {
        get
        {
            lock (_gate)
            {
                return _queuedBytes;
            }
        }
    }

    /// <summary>Messages queued on <paramref name="channel"/>.</summary>
    public int Count(ChannelId channel)
    {
        lock (_gate)
        {
            return _laneByChannel[(byte)channel]?.Messages.Count ?? 0;
        }
    }

    /// <exception cref="ArgumentException">No lane for the channel, or the message is over the channel's bound.</exception>
    public SendResult TryEnqueue(ChannelId channel, ReadOnlyMemory<byte> message)
    {
        var lane = _laneByChannel[(byte)channel] ?? throw new ArgumentException($"no reactor serves channel {channel}", nameof(channel));
        if (message.Length > lane.Descriptor.MaxMessageBytes)
        {
            throw new ArgumentException($"a {message.Length}-byte message is over channel {channel}'s bound of {lane.Descriptor.MaxMessageBytes} bytes", nameof(message));
        }

        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_closed)
            {
                return SendResult.Closed;
            }

            if (lane.Messages.Count >= lane.Descriptor.SendQueueCapacity)
            {
                return SendResult.ChannelFull;
            }

            if (lane.QueuedBytes + message.Length > lane.Descriptor.SendQueueBytesMax)
            {
                return SendResult.ChannelBytesFull;
            }

            lane.Messages.Enqueue(message);
            lane.QueuedBytes += message.Length;
            _queuedBytes += message.Length;
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
        return SendResult.Queued;
    }

    /// <summary>Queues a ping (at most one pending).</summary>
    public void EnqueuePing() => SetControl(ping: true);

    /// <summary>Queues a pong (at most one pending).</summary>
    public void EnqueuePong() => SetControl(ping: false);

    /// <summary>
    /// Takes the next frame to send: a pending pong, then ping, then the next fragment of the highest-priority
    /// non-empty channel. Returns false if nothing is queued.
    /// </summary>
    public bool TryTake(out OutgoingFragment fragment)
    {
        lock (_gate)
        {
            if (_pongPending)
            {
                _pongPending = false;
                fragment = new OutgoingFragment(FrameKind.Pong, 0, default, true);
                return true;
            }

            if (_pingPending)
            {
                _pingPending = false;
                fragment = new OutgoingFragment(FrameKind.Ping, 0, default, true);
                return true;
            }

            foreach (var lane in _lanes)
            {
                if (lane.Messages.Count == 0)
                {
                    continue;
                }

                var head = lane.Messages.Peek();
                var remaining = head.Length - lane.HeadOffset;
                var take = Math.Min(remaining, _fragmentBytes);
                var isLast = take == remaining;
                fragment = new OutgoingFragment(FrameKind.Message, lane.Descriptor.Id, head.Slice(lane.HeadOffset, take), isLast);
                _queuedBytes -= take;
                lane.QueuedBytes -= take;
                if (isLast)
                {
                    lane.Messages.Dequeue();
                    lane.HeadOffset = 0;
                }
                else
                {
                    lane.HeadOffset += take;
                }

                return true;
            }

            fragment = default;
            return false;
        }
    }

    /// <summary>Completes when something is queued or the queue is closed.</summary>
    public Task WaitAsync()
    {
        lock (_gate)
        {
            if (_closed || _pingPending || _pongPending || _lanes.Any(l => l.Messages.Count > 0))
            {
                return Task.CompletedTask;
            }

            _waiter ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return _waiter.Task;
        }
    }

    /// <summary>Refuses further messages, drops what is queued and wakes the writer.</summary>
    public void Close()
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            _closed = true;
            foreach (var lane in _lanes)
            {
                lane.Messages.Clear();
                lane.HeadOffset = 0;
                lane.QueuedBytes = 0;
            }

            _queuedBytes = 0;
            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    private void SetControl(bool ping)
    {
        TaskCompletionSource? wake;
        lock (_gate)
        {
            if (_closed)
            {
                return;
            }

            if (ping)
            {
                _pingPending = true;
            }
            else
            {
                _pongPending = true;
            }

            wake = TakeWaiter();
        }

        wake?.TrySetResult();
    }

    private TaskCompletionSource? TakeWaiter()
    {
        var waiter = _waiter;
        _waiter = null;
        return waiter;
    }

    private sealed class Lane(ChannelDescriptor descriptor)
    {
        public ChannelDescriptor Descriptor { get; } = descriptor;

        public Queue<ReadOnlyMemory<byte>> Messages { get; } = new();

        public int HeadOffset { get; set; }

        public long QueuedBytes { get; set; }
    }
}
