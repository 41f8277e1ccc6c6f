using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A registered model, under <c>reg.model/{id}</c>.</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id (32), creator (20), name <c>string&lt;64&gt;</c>, description
/// <c>string&lt;1024&gt;</c>, task type <c>string&lt;64&gt;</c>, licence <c>string&lt;128&gt;</c>, owners
/// <c>list&lt;address, 8&gt;</c> (sorted, includes the creator), created height <c>varuint</c>, version count
/// <c>varuint</c>, latest version id (32, zero when none), latest semver <c>string&lt;64&gt;</c>.
/// </remarks>
public sealed record ModelRecord : ICanonicalEncodable<ModelRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Id { get; init; }

    public required Address Creator { get; init; }

    public required string Name { get; init; }

    public required string Description { get; init; }

    public required string TaskType { get; init; }

    /// <summary>An SPDX license expression.</summary>
    public required string Licence { get; init; }

    /// <summary>Sorted ascending; the creator is one of them.</summary>
    public required IReadOnlyList<Address> Owners { get; init; }

    public required ulong CreatedHeight { get; init; }

    public ulong VersionCount { get; init; }

    /// <summary>The version of highest semver precedence, zero when the model has none.</summary>
    public Hash256 LatestVersion { get; init; }

    public string LatestSemver { get; init; } = string.Empty;

    public bool IsOwner(Address address)
    {
        foreach (var owner in Owners)
        {
            if (owner == address)
            {
                return true;
            }
        }

        return false;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Id);
        writer.WriteAddress(Creator);
        writer.WriteString(Name, RegistryLimits.MaxModelNameBytes);
        writer.WriteString(Description, RegistryLimits.MaxDescriptionBytes);
        writer.WriteString(TaskType, RegistryLimits.MaxTaskTypeBytes);
        writer.WriteString(Licence, RegistryLimits.MaxLicenceBytes);
        RecordCodec.WriteAddresses(ref writer, Owners, RegistryLimits.MaxOwners);
        writer.WriteVarUInt(CreatedHeight);
        writer.WriteVarUInt(VersionCount);
        writer.WriteHash(LatestVersion);
        writer.WriteString(LatestSemver, RegistryLimits.MaxSemverBytes);
    }

    public static ModelRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("model.version", Version1);
        return new ModelRecord
        {
            Id = reader.ReadHash("model.id"),
            Creator = reader.ReadAddress("model.creator"),
            Name = reader.ReadString("model.name", RegistryLimits.MaxModelNameBytes),
            Description = reader.ReadString("model.description", RegistryLimits.MaxDescriptionBytes),
            TaskType = reader.ReadString("model.task_type", RegistryLimits.MaxTaskTypeBytes),
            Licence = reader.ReadString("model.licence", RegistryLimits.MaxLicenceBytes),
            Owners = RecordCodec.ReadSortedAddresses(ref reader, "model.owners", RegistryLimits.MaxOwners),
            CreatedHeight = reader.ReadVarUInt("model.created_height"),
            VersionCount = reader.ReadVarUInt("model.version_count"),
            LatestVersion = reader.ReadHash("model.latest_version"),
            LatestSemver = reader.ReadString("model.latest_semver", RegistryLimits.MaxSemverBytes),
        };
    }
}
