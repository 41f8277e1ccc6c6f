using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ConsensusSim;

/// <summary>
/// The simulated application's block: enough of a real block to exercise consensus (height, time, link to the
/// previous block, the previous block's commit certificate, evidence, a payload) without the ledger's execution.
/// Its hash is SHA-256 of its canonical encoding.
/// </summary>
public sealed record SimBlock(
    ulong Height,
    uint Round,
    long TimeMs,
    Hash256 PreviousHash,
    Address Proposer,
    byte[] Payload,
    IReadOnlyList<DuplicateVoteEvidence> Evidence,
    CommitCertificate? LastCommit) : ICanonicalEncodable<SimBlock>
{
    public const int MaxPayloadBytes = 4096;

    public Hash256 Hash() => Hash256.Compute(Canonical.Encode(this));

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(1);
        writer.WriteUInt64(Height);
        writer.WriteUInt32(Round);
        writer.WriteInt64(TimeMs);
        writer.WriteHash(PreviousHash);
        writer.WriteAddress(Proposer);
        writer.WriteBytes(Payload, MaxPayloadBytes);
        writer.WriteList(Evidence, ChainLimits.MaxEvidencePerBlock, static (ref CanonicalWriter w, DuplicateVoteEvidence e) => e.Encode(ref w));
        writer.WriteBool(LastCommit is not null);
        LastCommit?.Encode(ref writer);
    }

    public static SimBlock Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("sim_block.version", 1);
        var height = reader.ReadUInt64("sim_block.height");
        var round = reader.ReadUInt32("sim_block.round");
        var time = reader.ReadInt64("sim_block.time");
        var previous = reader.ReadHash("sim_block.previous");
        var proposer = reader.ReadAddress("sim_block.proposer");
        var payload = reader.ReadBytes("sim_block.payload", MaxPayloadBytes);
        var evidence = reader.ReadList("sim_block.evidence", ChainLimits.MaxEvidencePerBlock, DuplicateVoteEvidence.Decode);
        var lastCommit = reader.ReadBool("sim_block.has_last_commit") ? CommitCertificate.Decode(ref reader) : null;
        return new SimBlock(height, round, time, previous, proposer, payload, evidence, lastCommit);
    }
}
