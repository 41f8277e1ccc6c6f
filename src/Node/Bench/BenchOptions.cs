namespace DaiChain.Node.Bench;

/// <summary>What <see cref="LoadGenerator"/> does: where, how fast, how long, from how many accounts.</summary>
public sealed record BenchOptions
{
    /// <summary>Nodes that receive the transactions, in turn (validators or full nodes).</summary>
    public required IReadOnlyList<Uri> Targets { get; init; }

    /// <summary>Transactions per second offered.</summary>
    public int Rate { get; init; } = 1_000;

    /// <summary>How long transactions are offered.</summary>
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Sending accounts (derived from a seed, funded first); more accounts keep each one's pending nonces low.</summary>
    public int Accounts { get; init; } = 2_000;

    /// <summary>tx_submit requests per JSON-RPC batch.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>Batches in flight at once.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>How long to wait, after the last submission, for the remaining transactions to commit.</summary>
    public TimeSpan Drain { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long the signature-verification ceiling is measured, per configuration (one core, all cores).</summary>
    public TimeSpan CeilingProbe { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Seed of the sending accounts' keys (a fresh seed gives fresh accounts with nonce 0).</summary>
    public string Seed { get; init; } = "daichain-bench/" + Guid.NewGuid().ToString("N")[..8];
}
