using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A registered dataset, under <c>reg.dataset/{hash}</c>: its id is the SHA-256 of its bytes.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, hash (32), owner (20), name <c>string&lt;128&gt;</c>, size <c>varuint</c>,
/// schema <c>string&lt;4096&gt;</c>, licence <c>string&lt;128&gt;</c>, visibility <c>u8</c>, registered height <c>varuint</c>.
/// </remarks>
public sealed record DatasetRecord : ICanonicalEncodable<DatasetRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Hash { get; init; }

    public required Address Owner { get; init; }

    public required string Name { get; init; }

    public required ulong SizeBytes { get; init; }

    /// <summary>A description of the columns and their types (free text, for example JSON or CSV header notes).</summary>
    public required string Schema { get; init; }

    public required string Licence { get; init; }

    public required DatasetVisibility Visibility { get; init; }

    public required ulong RegisteredHeight { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Hash);
        writer.WriteAddress(Owner);
        writer.WriteString(Name, RegistryLimits.MaxDatasetNameBytes);
        writer.WriteVarUInt(SizeBytes);
        writer.WriteString(Schema, RegistryLimits.MaxSchemaBytes);
        writer.WriteString(Licence, RegistryLimits.MaxLicenceBytes);
        writer.WriteByte((byte)Visibility);
        writer.WriteVarUInt(RegisteredHeight);
    }

    public static DatasetRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("dataset.version", Version1);
        return new DatasetRecord
        {
            Hash = reader.ReadHash("dataset.hash"),
            Owner = reader.ReadAddress("dataset.owner"),
            Name = reader.ReadString("dataset.name", RegistryLimits.MaxDatasetNameBytes),
            SizeBytes = reader.ReadVarUInt("dataset.size"),
            Schema = reader.ReadString("dataset.schema", RegistryLimits.MaxSchemaBytes),
            Licence = reader.ReadString("dataset.licence", RegistryLimits.MaxLicenceBytes),
            Visibility = reader.ReadEnum<DatasetVisibility>("dataset.visibility"),
            RegisteredHeight = reader.ReadVarUInt("dataset.registered_height"),
        };
    }
}
