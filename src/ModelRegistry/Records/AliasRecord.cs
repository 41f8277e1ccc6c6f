using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>
/// Where a model's alias points (under <c>reg.alias/{alias id}</c>), and each entry of its history: version
/// <c>u8 = 1</c>, model (32), alias <c>string&lt;32&gt;</c>, version id (32, zero when cleared), height <c>varuint</c>, by (20).
/// </summary>
public sealed record AliasRecord(Hash256 ModelId, string Alias, Hash256 VersionId, ulong Height, Address By) : ICanonicalEncodable<AliasRecord>
{
    private const byte Version1 = 1;

    public bool IsCleared => VersionId.IsZero;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(ModelId);
        writer.WriteString(Alias, RegistryLimits.MaxAliasBytes);
        writer.WriteHash(VersionId);
        writer.WriteVarUInt(Height);
        writer.WriteAddress(By);
    }

    public static AliasRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("alias.version", Version1);
        return new AliasRecord(reader.ReadHash("alias.model"), reader.ReadString("alias.alias", RegistryLimits.MaxAliasBytes), reader.ReadHash("alias.target"), reader.ReadVarUInt("alias.height"), reader.ReadAddress("alias.by"));
    }
}
