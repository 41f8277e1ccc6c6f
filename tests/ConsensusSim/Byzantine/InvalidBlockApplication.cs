using DaiChain.Consensus.Engine;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ConsensusSim.Byzantine;

/// <summary>
/// Wraps a node's application port: every block it builds links to a made-up previous block, which every honest
/// validator's check rejects. Everything else is the honest application.
/// </summary>
public sealed class InvalidBlockApplication(SimApplication inner) : IConsensusApplication
{
    public ulong LastCommittedHeight => inner.LastCommittedHeight;

    public long LastBlockTimeMs => inner.LastBlockTimeMs;

    public ValidatorSet? ValidatorsAt(ulong height) => inner.ValidatorsAt(height);

    public BuiltBlock BuildProposal(ProposalRequest request)
    {
        var honest = Canonical.Decode<SimBlock>(inner.BuildProposal(request).Block);
        var broken = honest with { PreviousHash = Hash256.Compute([.. honest.PreviousHash.ToArray(), 0xBA, 0xD0]) };
        var bytes = Canonical.Encode(broken);
        return new BuiltBlock(bytes, Hash256.Compute(bytes), broken.TimeMs);
    }

    public BlockVerdict ValidateBlock(ulong height, byte[] block) => inner.ValidateBlock(height, block);

    public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate) => inner.Commit(height, block, certificate);

    public CommittedBlock? LoadCommitted(ulong height) => inner.LoadCommitted(height);
}
