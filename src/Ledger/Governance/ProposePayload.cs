using DaiChain.Ledger.Encoding;

namespace DaiChain.Ledger.Governance;

/// <summary>Payload of a governance proposal. Encoding: version <c>u8 = 1</c>, action, summary <c>string&lt;256&gt;</c>.</summary>
public sealed record ProposePayload(GovernanceAction Action, string Summary) : ICanonicalEncodable<ProposePayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        Action.Encode(ref writer);
        writer.WriteString(Summary, Proposal.MaxSummaryBytes);
    }

    public static ProposePayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("propose.version", Version1);
        return new ProposePayload(GovernanceAction.Decode(ref reader), reader.ReadString("propose.summary", Proposal.MaxSummaryBytes));
    }
}
