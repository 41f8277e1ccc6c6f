using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>Kind 108 payload: version <c>u8 = 1</c>, model id (32), participants <c>list&lt;address, 64&gt;</c> sorted without repeats, deadline height <c>varuint</c>, description <c>string&lt;256&gt;</c>.</summary>
public sealed record OpenRoundPayload(Hash256 ModelId, IReadOnlyList<Address> Participants, ulong DeadlineHeight, string Description = "")
    : ICanonicalEncodable<OpenRoundPayload>
{
    private const byte Version1 = 1;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(ModelId);
        RecordCodec.WriteAddresses(ref writer, Participants, RegistryLimits.MaxRoundParticipants);
        writer.WriteVarUInt(DeadlineHeight);
        writer.WriteString(Description, RegistryLimits.MaxNoteBytes);
    }

    public static OpenRoundPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("open_round.version", Version1);
        return new OpenRoundPayload(
            reader.ReadHash("open_round.model"),
            RecordCodec.ReadSortedAddresses(ref reader, "open_round.participants", RegistryLimits.MaxRoundParticipants),
            reader.ReadVarUInt("open_round.deadline_height"),
            reader.ReadString("open_round.description", RegistryLimits.MaxNoteBytes));
    }
}
