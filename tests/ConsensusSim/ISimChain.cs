using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ConsensusSim;

/// <summary>
/// A simulated node's replicated state: what its engine commits to, and what the run inspects to check the
/// invariants. Committed state survives a simulated crash of its node (it stands for the durable block store).
/// </summary>
public interface ISimChain
{
    /// <summary>The port the node's engine uses.</summary>
    IConsensusApplication Port { get; }

    ulong LastCommittedHeight { get; }

    /// <summary>Committed block hashes by height (index 0 is height 1).</summary>
    IReadOnlyList<Hash256> CommittedHashes { get; }

    /// <summary>Evidence items carried by committed blocks.</summary>
    int CommittedEvidence { get; }

    /// <summary>Transactions carried by committed blocks.</summary>
    int CommittedTransactions { get; }

    /// <summary>Blocks this node was asked to commit that its own checks rejected.</summary>
    IReadOnlyList<string> ValidityViolations { get; }

    /// <summary>When set, the commit of this height crashes the node right after it became durable.</summary>
    ulong? CrashAfterCommitOf { get; set; }

    /// <summary>True when a committed block carries evidence against <paramref name="validator"/> at <paramref name="height"/>.</summary>
    bool HasCommittedEvidence(Address validator, ulong height);

    /// <summary>A copy of <paramref name="built"/> that every honest validator rejects (for the invalid-block proposer).</summary>
    BuiltBlock Corrupt(BuiltBlock built);
}
