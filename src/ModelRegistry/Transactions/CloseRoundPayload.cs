using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 109 payload: version <c>u8 = 1</c>, round id (32), aggregated version id (32).</summary>
public sealed record CloseRoundPayload(Hash256 RoundId, Hash256 VersionId) : ICanonicalEncodable<CloseRoundPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(RoundId);
        writer.WriteHash(VersionId);
    }

    public static CloseRoundPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("close_round.version", Version1);
        return new CloseRoundPayload(reader.ReadHash("close_round.round"), reader.ReadHash("close_round.version_id"));
    }
}
