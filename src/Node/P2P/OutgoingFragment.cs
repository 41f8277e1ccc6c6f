namespace DaiChain.Node.P2P;

/// <summary>The next frame a peer's writer sends: a control frame or a fragment of a queued message.</summary>
internal readonly record struct OutgoingFragment(FrameKind Kind, ChannelId Channel, ReadOnlyMemory<byte> Data, bool IsLast);
