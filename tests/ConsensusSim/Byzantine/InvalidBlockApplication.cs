using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;

namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>
/// Wraps a node's application port: every block it builds is corrupted (<see cref="ISimChain.Corrupt"/>) so that
/// every honest validator's check rejects it. Everything else is the honest application.
/// </summary>
public sealed class InvalidBlockApplication(ISimChain chain) : IConsensusApplication
{
    private readonly IConsensusApplication _inner = chain.Port;

    public ulong LastCommittedHeight => _inner.LastCommittedHeight;

    public long LastBlockTimeMs => _inner.LastBlockTimeMs;

    public ValidatorSet? ValidatorsAt(ulong height) => _inner.ValidatorsAt(height);

    public BuiltBlock BuildProposal(BlockRequest request) => chain.Corrupt(_inner.BuildProposal(request));

    public BlockVerdict ValidateBlock(ulong height, byte[] block) => _inner.ValidateBlock(height, block);

    public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate) => _inner.Commit(height, block, certificate);

    public CommittedBlock? LoadCommitted(ulong height) => _inner.LoadCommitted(height);
}
