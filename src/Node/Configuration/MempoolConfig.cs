namespace DaiChain.Node.Configuration;

/// <summary>The <c>mempool</c> section: the pool's bounds and transaction gossip.</summary>
public sealed class MempoolConfig
{
    public int MaxTransactions { get; set; } = 50_000;

    public long MaxBytes { get; set; } = 64L * 1024 * 1024;

    public int MaxPerSender { get; set; } = 256;

    public ulong MaxNonceGap { get; set; } = 64;

    /// <summary>Most transactions in one gossip message.</summary>
    public int GossipBatchSize { get; set; } = 512;

    /// <summary>Transactions accepted but not yet gossiped, at most; beyond, gossip of new ones is skipped (counted).</summary>
    public int GossipQueueCapacity { get; set; } = 100_000;

    /// <summary>Transactions received from peers waiting to be checked, at most; beyond, they are dropped (counted).</summary>
    public int ReceiveQueueCapacity { get; set; } = 100_000;
}
