namespace DaiChain.Consensus.Wal;

/// <summary>What <see cref="WalFraming.TryRead"/> found.</summary>
public enum WalFrameStatus : byte
{
    /// <summary>A whole frame with a matching checksum.</summary>
    Complete = 1,

    /// <summary>The input ends inside the frame: a write that a crash cut short.</summary>
    Incomplete = 2,

    /// <summary>The checksum does not match or the length is impossible.</summary>
    Corrupt = 3,
}
