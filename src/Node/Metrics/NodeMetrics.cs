namespace DaiChain.Node.Metrics;

/// <summary>
/// The node's operational metrics, created once in one registry so that every name, unit and label set is
/// defined in one place (docs/spec/rpc.md lists them). Each subsystem is handed this object, or only the
/// metrics it updates, and keeps the series it writes to.
/// </summary>
public sealed class NodeMetrics
{
    public NodeMetrics(MetricsRegistry registry)
    {
        Height = registry.CreateGauge("daichain_chain_height", "Height of the latest committed block.");
        Round = registry.CreateGauge("daichain_consensus_round", "Consensus round at the current height.");
        BlockInterval = registry.CreateHistogram(
            "daichain_block_interval_seconds", "Time between consecutive committed blocks, by header time.", HistogramBuckets.BlockSeconds);
        TransactionsCommitted = registry.CreateCounter("daichain_transactions_committed_total", "Transactions committed in blocks.");
        MempoolTransactions = registry.CreateGauge("daichain_mempool_transactions", "Transactions waiting in the mempool.");
        MempoolBytes = registry.CreateGauge("daichain_mempool_bytes", "Encoded bytes of the transactions waiting in the mempool.");
        Peers = registry.CreateGauge("daichain_p2p_peers", "Connected, authenticated peers.");
        Syncing = registry.CreateGauge("daichain_sync_syncing", "1 while the node downloads blocks to catch up, 0 when it follows the chain head.");
        StepDuration = registry.CreateHistogramFamily(
            "daichain_consensus_step_duration_seconds", "Time spent in each consensus step (propose, prevote, precommit, commit).", HistogramBuckets.BlockSeconds, "step");
        MissedVotes = registry.CreateCounterFamily(
            "daichain_consensus_missed_votes_total", "Precommits missing from commit certificates, by validator address.", "validator");
        ChannelBytes = registry.CreateCounterFamily(
            "daichain_p2p_channel_bytes_total", "Bytes sent and received on each P2P channel (frames, after decryption).", "channel", "direction");
    }

    /// <summary><c>daichain_chain_height</c>: set on every commit.</summary>
    public Gauge Height { get; }

    /// <summary><c>daichain_consensus_round</c>: set when consensus enters a round.</summary>
    public Gauge Round { get; }

    /// <summary><c>daichain_block_interval_seconds</c>: observe header time differences on commit.</summary>
    public Histogram BlockInterval { get; }

    /// <summary><c>daichain_transactions_committed_total</c>: add each block's transaction count.</summary>
    public Counter TransactionsCommitted { get; }

    /// <summary><c>daichain_mempool_transactions</c>.</summary>
    public Gauge MempoolTransactions { get; }

    /// <summary><c>daichain_mempool_bytes</c>.</summary>
    public Gauge MempoolBytes { get; }

    /// <summary><c>daichain_p2p_peers</c>.</summary>
    public Gauge Peers { get; }

    /// <summary><c>daichain_sync_syncing</c>: 1 or 0.</summary>
    public Gauge Syncing { get; }

    /// <summary><c>daichain_consensus_step_duration_seconds{step}</c>: step is propose, prevote, precommit or commit.</summary>
    public MetricFamily<Histogram> StepDuration { get; }

    /// <summary><c>daichain_consensus_missed_votes_total{validator}</c>: validator is the 0x-hex address.</summary>
    public MetricFamily<Counter> MissedVotes { get; }

    /// <summary><c>daichain_p2p_channel_bytes_total{channel,direction}</c>: direction is sent or received.</summary>
    public MetricFamily<Counter> ChannelBytes { get; }
}
