namespace DaiChain.Node.Configuration;

/// <summary>
/// The <c>consensus</c> section. Round timeouts are local settings (each node waits as long as it chooses); a
/// null value takes the chain's value from genesis.json.
/// </summary>
public sealed class ConsensusConfig
{
    public int? ProposeTimeoutMs { get; set; }

    public int? ProposeTimeoutDeltaMs { get; set; }

    public int? PrevoteTimeoutMs { get; set; }

    public int? PrevoteTimeoutDeltaMs { get; set; }

    public int? PrecommitTimeoutMs { get; set; }

    public int? PrecommitTimeoutDeltaMs { get; set; }

    /// <summary>Pause after a commit before the next height starts (paces empty blocks; 0 = as fast as possible).</summary>
    public int? CommitTimeoutMs { get; set; }

    /// <summary>
    /// Most transactions this node puts in a block it proposes (a local policy below the chain's
    /// max_block_transactions): a block must execute and travel well within the round timeouts, or rounds fail and
    /// the backlog only grows.
    /// </summary>
    public int MaxProposalTransactions { get; set; } = 2_000;

    /// <summary>How often the engine re-sends its current round's messages and helps lagging peers.</summary>
    public int GossipIntervalMs { get; set; } = 1_000;

    /// <summary>Peer messages waiting for the consensus loop; more are dropped until it catches up.</summary>
    public int InboxCapacity { get; set; } = 10_000;

    /// <summary>How far ahead of the local clock a proposed block's time may be.</summary>
    public int MaxClockDriftMs { get; set; } = 5_000;
}
