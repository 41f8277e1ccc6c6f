namespace DaiChain.Node.P2P;

/// <summary>A decoded frame; <see cref="Data"/> points into the receive buffer and is valid until the next read.</summary>
internal readonly ref struct DecodedFrame
{
    public DecodedFrame(FrameKind kind, ChannelId channel, bool isLast, ReadOnlySpan<byte> data)
    {
        Kind = kind;
        Channel = channel;
        IsLast = isLast;
        Data = data;
    }

    public FrameKind Kind { get; }

    /// <summary>The channel number as received; not necessarily a defined or registered channel.</summary>
    public ChannelId Channel { get; }

    public bool IsLast { get; }

    public ReadOnlySpan<byte> Data { get; }
}
