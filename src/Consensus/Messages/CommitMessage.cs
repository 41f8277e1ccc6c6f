using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;

namespace DaiChain.Consensus.Messages;

/// <summary>
/// A committed block and its certificate, sent to a peer seen voting at an older height so that it can decide
/// that height by line 49 (the certificate's precommits) and catch up.
/// </summary>
public sealed class CommitMessage(byte[] block, CommitCertificate certificate) : ConsensusMessage
{
    public byte[] Block { get; } = block;

    public CommitCertificate Certificate { get; } = certificate;

    public override ConsensusMessageKind Kind => ConsensusMessageKind.Commit;

    public override ulong Height => Certificate.Height;

    private protected override void EncodeBody(ref CanonicalWriter writer)
    {
        writer.WriteBytes(Block, ChainLimits.MaxBlockBytes);
        Certificate.Encode(ref writer);
    }
}
