using DaiChain.Ledger.Chain;

namespace DaiChain.Ledger.Mempool;

/// <summary>Bounds of a <see cref="TransactionPool"/>. Every queue has a bound.</summary>
public sealed record MempoolOptions
{
    /// <summary>Most transactions held.</summary>
    public int MaxTransactions { get; init; } = 20_000;

    /// <summary>Most encoded bytes held.</summary>
    public long MaxBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Largest transaction accepted (never above <see cref="ChainLimits.MaxTransactionBytes"/>).</summary>
    public int MaxTransactionBytes { get; init; } = ChainLimits.MaxTransactionBytes;

    /// <summary>Most pending transactions of one sender, so one account cannot fill the pool.</summary>
    public int MaxPerSender { get; init; } = 256;

    /// <summary>How far ahead of the sender's next nonce a transaction may be (0 = no gaps).</summary>
    public ulong MaxNonceGap { get; init; } = 64;
}
