using DaiChain.Consensus.Timing;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Engine;

/// <summary>The engine's settings. Every queue and buffer has a bound here.</summary>
public sealed record ConsensusOptions
{
    /// <summary>The chain id every signature is bound to.</summary>
    public required string ChainId { get; init; }

    public TimeoutSchedule Timeouts { get; init; } = TimeoutSchedule.Default;

    /// <summary>
    /// The pause between deciding a height and starting round 0 of the next (CometBFT's <c>timeout_commit</c>):
    /// paces block production and gives slow validators' precommits time to arrive.
    /// </summary>
    public TimeSpan CommitTimeout { get; init; } = TimeSpan.FromMilliseconds(ConsensusParams.Default.CommitTimeoutMs);

    /// <summary>Peer messages waiting for the loop; further ones are dropped (and counted) until it catches up.</summary>
    public int InboxCapacity { get; init; } = 10_000;

    /// <summary>Messages for the next height kept until this node gets there.</summary>
    public int NextHeightBufferCapacity { get; init; } = 2_000;

    /// <summary>A proposed block's time may be at most this far ahead of the local clock (else: prevote nil).</summary>
    public TimeSpan MaxClockDrift { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the engine re-sends its own messages of the current round (and helps lagging peers).</summary>
    public TimeSpan GossipInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Forward each new proposal, vote and evidence to all peers once (set false where the transport gossips).</summary>
    public bool RelayMessages { get; init; } = true;

    /// <summary>Evidence items offered to one proposal.</summary>
    public int MaxEvidencePerBlock { get; init; } = ConsensusParams.Default.MaxBlockEvidence;

    /// <summary>Evidence kept while waiting to be committed.</summary>
    public int EvidencePoolCapacity { get; init; } = 256;

    /// <summary>Options for a chain: its id, and the timeouts and evidence limit its genesis fixes; the rest default.</summary>
    public static ConsensusOptions ForChain(string chainId, ConsensusParams parameters) => new()
    {
        ChainId = chainId,
        Timeouts = TimeoutSchedule.From(parameters),
        CommitTimeout = TimeSpan.FromMilliseconds(parameters.CommitTimeoutMs),
        MaxEvidencePerBlock = parameters.MaxBlockEvidence,
    };
}
