using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 104 payload: version <c>u8 = 1</c>, version id (32), reason <c>string&lt;1024&gt;</c> (required).</summary>
public sealed record RevokeVersionPayload(Hash256 VersionId, string Reason) : ICanonicalEncodable<RevokeVersionPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(VersionId);
        writer.WriteString(Reason, RegistryLimits.MaxReasonBytes);
    }

    public static RevokeVersionPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("revoke.version", Version1);
        return new RevokeVersionPayload(reader.ReadHash("revoke.version_id"), reader.ReadString("revoke.reason", RegistryLimits.MaxReasonBytes));
    }
}
