using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 105 payload: version <c>u8 = 1</c>, dataset SHA-256 (32), name <c>string&lt;128&gt;</c>, size <c>varuint</c>,
/// schema <c>string&lt;4096&gt;</c>, licence <c>string&lt;128&gt;</c>, visibility <c>u8</c> (1 public, 2 private).
/// </summary>
public sealed record RegisterDatasetPayload(Hash256 Hash, string Name, ulong SizeBytes, string Schema, string Licence, DatasetVisibility Visibility)
    : ICanonicalEncodable<RegisterDatasetPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Hash);
        writer.WriteString(Name, RegistryLimits.MaxDatasetNameBytes);
        writer.WriteVarUInt(SizeBytes);
        writer.WriteString(Schema, RegistryLimits.MaxSchemaBytes);
        writer.WriteString(Licence, RegistryLimits.MaxLicenceBytes);
        writer.WriteByte((byte)Visibility);
    }

    public static RegisterDatasetPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("register_dataset.version", Version1);
        return new RegisterDatasetPayload(
            reader.ReadHash("register_dataset.hash"),
            reader.ReadString("register_dataset.name", RegistryLimits.MaxDatasetNameBytes),
            reader.ReadVarUInt("register_dataset.size"),
            reader.ReadString("register_dataset.schema", RegistryLimits.MaxSchemaBytes),
            reader.ReadString("register_dataset.licence", RegistryLimits.MaxLicenceBytes),
            reader.ReadEnum<DatasetVisibility>("register_dataset.visibility"));
    }
}
