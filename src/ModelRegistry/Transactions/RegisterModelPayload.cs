using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 100 payload: version <c>u8 = 1</c>, name <c>string&lt;64&gt;</c>, description <c>string&lt;1024&gt;</c>, task
/// type <c>string&lt;64&gt;</c>, licence <c>string&lt;128&gt;</c>, co-owners <c>list&lt;address, 7&gt;</c> sorted without repeats.
/// </summary>
public sealed record RegisterModelPayload(string Name, string Description, string TaskType, string Licence, IReadOnlyList<Address> CoOwners)
    : ICanonicalEncodable<RegisterModelPayload>
{
    public const int MaxCoOwners = RegistryLimits.MaxOwners - 1;
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(Name, RegistryLimits.MaxModelNameBytes);
        writer.WriteString(Description, RegistryLimits.MaxDescriptionBytes);
        writer.WriteString(TaskType, RegistryLimits.MaxTaskTypeBytes);
        writer.WriteString(Licence, RegistryLimits.MaxLicenceBytes);
        RecordCodec.WriteAddresses(ref writer, CoOwners, MaxCoOwners);
    }

    public static RegisterModelPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("register_model.version", Version1);
        return new RegisterModelPayload(
            reader.ReadString("register_model.name", RegistryLimits.MaxModelNameBytes),
            reader.ReadString("register_model.description", RegistryLimits.MaxDescriptionBytes),
            reader.ReadString("register_model.task_type", RegistryLimits.MaxTaskTypeBytes),
            reader.ReadString("register_model.licence", RegistryLimits.MaxLicenceBytes),
            RecordCodec.ReadSortedAddresses(ref reader, "register_model.co_owners", MaxCoOwners));
    }
}
