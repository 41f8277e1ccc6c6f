namespace DaiChain.Node.P2P;

/// <summary>Which rule of the frame protocol a peer broke.</summary>
public enum ProtocolViolation
{
    /// <summary>The frame is malformed: unknown kind or flags, trailing bytes, an empty non-final fragment.</summary>
    MalformedFrame,

    /// <summary>The length prefix is below the minimum or above the maximum frame size.</summary>
    FrameLength,

    /// <summary>The frame failed authentication (bad MAC): altered, replayed, reordered or under another key.</summary>
    BadMac,

    /// <summary>A message on a channel no reactor serves.</summary>
    UnknownChannel,

    /// <summary>A reassembled message is larger than its channel's bound.</summary>
    MessageTooLarge,
}
