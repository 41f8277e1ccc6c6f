namespace DaiChain.Node.P2P;

/// <summary>
/// How one channel is queued and bounded: a reactor declares one descriptor per channel it serves.
/// </summary>
/// <remarks>
/// <see cref="Priority"/> is strict: a peer's writer always takes the next fragment from the non-empty channel
/// with the highest priority, so consensus traffic overtakes a backlog of transactions or blocks after at most
/// one fragment (<see cref="FrameCodec.MaxDataBytes"/>). A lower-priority channel can therefore wait while a
/// higher one is busy; consensus traffic is small, so the channels below it are not starved in practice.
/// </remarks>
/// <param name="Id">The channel.</param>
/// <param name="Priority">Higher is sent first; ties are broken by the lower channel number.</param>
/// <param name="SendQueueCapacity">Messages that may wait per peer on this channel; a send beyond it is dropped.</param>
/// <param name="SendQueueBytesMax">
/// Bytes that may wait per peer on this channel; a send beyond it is dropped. Per channel, so a backlog of
/// transactions or blocks never takes the room of consensus messages.
/// </param>
/// <param name="MaxMessageBytes">The largest message sent or accepted on this channel; a larger received message is a protocol violation.</param>
public sealed record ChannelDescriptor(ChannelId Id, int Priority, int SendQueueCapacity, long SendQueueBytesMax, int MaxMessageBytes)
{
    /// <summary>
    /// The largest <see cref="MaxMessageBytes"/> any channel may declare: room for the largest block any chain allows
    /// (<see cref="Ledger.Chain.ChainLimits.MaxBlockBytes"/>, 64 MiB) and the message around it (65 MiB).
    /// </summary>
    public const int MaxMessageBytesLimit = Ledger.Chain.ChainLimits.MaxBlockBytes + MiB;

    private const int MiB = 1024 * 1024;

    /// <summary>The default descriptor of a channel (the table in <c>docs/spec/p2p.md</c>).</summary>
    public static ChannelDescriptor Default(ChannelId id) => id switch
    {
        ChannelId.Consensus => new(id, Priority: 10, SendQueueCapacity: 1_000, SendQueueBytesMax: 8 * MiB, MaxMessageBytes: 4 * MiB),
        ChannelId.Mempool => new(id, Priority: 5, SendQueueCapacity: 5_000, SendQueueBytesMax: 8 * MiB, MaxMessageBytes: 1 * MiB),
        ChannelId.Status => new(id, Priority: 4, SendQueueCapacity: 100, SendQueueBytesMax: 1 * MiB, MaxMessageBytes: 64 * 1024),
        ChannelId.BlockSync => new(id, Priority: 3, SendQueueCapacity: 100, SendQueueBytesMax: 32 * MiB, MaxMessageBytes: 16 * MiB),
        ChannelId.Artifacts => new(id, Priority: 1, SendQueueCapacity: 100, SendQueueBytesMax: 8 * MiB, MaxMessageBytes: 4 * MiB),
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "not a defined channel"),
    };

    /// <summary>Throws if a bound is out of range.</summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Id))
        {
            throw new ArgumentOutOfRangeException(nameof(Id), Id, "not a defined channel");
        }

        if (Priority is < 0 or > 1_000)
        {
            throw new ArgumentOutOfRangeException(nameof(Priority), Priority, "priority must be 0..1000");
        }

        if (SendQueueCapacity is < 1 or > 1_000_000)
        {
            throw new ArgumentOutOfRangeException(nameof(SendQueueCapacity), SendQueueCapacity, "send queue capacity must be 1..1000000 messages");
        }

        if (MaxMessageBytes is < 1 or > MaxMessageBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMessageBytes), MaxMessageBytes, $"max message size must be 1..{MaxMessageBytesLimit} bytes");
        }

        if (SendQueueBytesMax < MaxMessageBytes || SendQueueBytesMax > 16L * MaxMessageBytesLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(SendQueueBytesMax), SendQueueBytesMax, "the send queue must hold at least one message of the maximum size, and at most 1 GiB");
        }
    }
}
