using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Governance;

/// <summary>Payload of a governance vote. Encoding: version <c>u8 = 1</c>, proposal id <c>u64</c>, approve <c>bool</c>.</summary>
public sealed record VoteOnProposalPayload(ulong ProposalId, bool Approve) : ICanonicalEncodable<VoteOnProposalPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteUInt64(ProposalId);
        writer.WriteBool(Approve);
    }

    public static VoteOnProposalPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("gov_vote.version", Version1);
        return new VoteOnProposalPayload(reader.ReadUInt64("gov_vote.proposal_id"), reader.ReadBool("gov_vote.approve"));
    }
}
