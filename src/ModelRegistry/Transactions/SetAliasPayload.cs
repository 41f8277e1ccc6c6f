using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 103 payload: version <c>u8 = 1</c>, model id (32), alias <c>string&lt;32&gt;</c>, version id (32; zero clears the alias).</summary>
public sealed record SetAliasPayload(Hash256 ModelId, string Alias, Hash256 VersionId) : ICanonicalEncodable<SetAliasPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(ModelId);
        writer.WriteString(Alias, RegistryLimits.MaxAliasBytes);
        writer.WriteHash(VersionId);
    }

    public static SetAliasPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("set_alias.version", Version1);
        return new SetAliasPayload(reader.ReadHash("set_alias.model"), reader.ReadString("set_alias.alias", RegistryLimits.MaxAliasBytes), reader.ReadHash("set_alias.version_id"));
    }
}
