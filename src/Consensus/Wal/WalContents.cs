namespace DaiChain.Consensus.Wal;

/// <summary>What <see cref="WriteAheadLog.Open"/> read: the whole records in order, and how many torn bytes it cut off.</summary>
public sealed record WalContents(IReadOnlyList<byte[]> Records, long TornBytes);
