using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.Transactions;

namespace DaiChain.Ledger.Execution;

/// <summary>What a proposer supplies to build a block: time, its address, the last commit, candidate transactions and evidence.</summary>
public sealed class ProposalRequest
{
    public required long TimeMs { get; init; }

    public required Address ProposerAddress { get; init; }

    /// <summary>The commit certificate of the last block; null for the first block.</summary>
    public required CommitCertificate? LastCommit { get; init; }

    /// <summary>Candidates in the order they should be tried (the mempool's reap order).</summary>
    public required IReadOnlyList<SignedTransaction> Transactions { get; init; }

    public IReadOnlyList<DuplicateVoteEvidence> Evidence { get; init; } = [];

    /// <summary>
    /// Proposer policy: leave out candidates whose nonce is not the sender's next one (default). When false they
    /// are included and fail with <c>nonce_too_low</c>/<c>nonce_too_high</c> receipts: still a valid block, but
    /// block space spent on nothing.
    /// </summary>
    public bool LeaveOutStaleNonces { get; init; } = true;
}
