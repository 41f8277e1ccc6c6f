using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// The port to the state machine being replicated: it builds blocks from its mempool, judges proposed blocks
/// (<c>valid(v)</c> of Algorithm 1; model evaluation hooks in here), and commits decided blocks. The engine treats
/// blocks as opaque bytes identified by their hash.
/// </summary>
/// <remarks>
/// Called only from the engine's loop, one call at a time. Every method must be deterministic for a given chain
/// state, except that <see cref="BuildProposal"/> may choose what to include freely.
/// </remarks>
public interface IConsensusApplication
{
    /// <summary>The height of the last committed block; 0 before the first.</summary>
    ulong LastCommittedHeight { get; }

    /// <summary>The time of the last committed block (Unix ms), or the genesis time before the first.</summary>
    long LastBlockTimeMs { get; }

    /// <summary>
    /// The validator set of <paramref name="height"/>, known for at least the last committed height L and for
    /// L + 1 and L + 2 (changes made by block H take effect at H + 2). Null when not known.
    /// </summary>
    ValidatorSet? ValidatorsAt(ulong height);

    /// <summary>Builds a block to propose (line 18, <c>getValue()</c>), at the given time and with the given evidence.</summary>
    BuiltBlock BuildProposal(BlockRequest request);

    /// <summary>
    /// Decodes and checks a proposed block for the next height against the committed state: structure,
    /// transactions, execution results, evidence, and (later) model evaluation. No clock: the engine checks time.
    /// </summary>
    BlockVerdict ValidateBlock(ulong height, byte[] block);

    /// <summary>Commits the decided block with its certificate. Durable on return.</summary>
    CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate);

    /// <summary>A committed block and its certificate (to help a peer catch up), or null when not kept.</summary>
    CommittedBlock? LoadCommitted(ulong height);
}
