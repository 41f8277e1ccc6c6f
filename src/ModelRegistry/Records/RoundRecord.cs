using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A federated training round, under <c>reg.round/{id}</c> (id = hash of the OpenRound transaction).</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id (32), model id (32), opened by (20), participants
/// <c>list&lt;address, 64&gt;</c> sorted, deadline height <c>varuint</c>, opened height <c>varuint</c>, description
/// <c>string&lt;256&gt;</c>, status <c>u8</c>, contribution count <c>varuint</c>, closed height <c>varuint</c>,
/// aggregated version (32, zero while open).
/// </remarks>
public sealed record RoundRecord : ICanonicalEncodable<RoundRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Id { get; init; }

    public required Hash256 ModelId { get; init; }

    public required Address OpenedBy { get; init; }

    public required IReadOnlyList<Address> Participants { get; init; }

    /// <summary>The last height at which contributions are accepted.</summary>
    public required ulong DeadlineHeight { get; init; }

    public required ulong OpenedHeight { get; init; }

    public required string Description { get; init; }

    public RoundStatus Status { get; init; } = RoundStatus.Open;

    public ulong ContributionCount { get; init; }

    public ulong ClosedHeight { get; init; }

    public Hash256 AggregatedVersion { get; init; }

    public bool IsParticipant(Address address)
    {
        foreach (var participant in Participants)
        {
            if (participant == address)
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
        writer.WriteHash(ModelId);
        writer.WriteAddress(OpenedBy);
        RecordCodec.WriteAddresses(ref writer, Participants, RegistryLimits.MaxRoundParticipants);
        writer.WriteVarUInt(DeadlineHeight);
        writer.WriteVarUInt(OpenedHeight);
        writer.WriteString(Description, RegistryLimits.MaxNoteBytes);
        writer.WriteByte((byte)Status);
        writer.WriteVarUInt(ContributionCount);
        writer.WriteVarUInt(ClosedHeight);
        writer.WriteHash(AggregatedVersion);
    }

    public static RoundRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("round.version", Version1);
        return new RoundRecord
        {
            Id = reader.ReadHash("round.id"),
            ModelId = reader.ReadHash("round.model"),
            OpenedBy = reader.ReadAddress("round.opened_by"),
            Participants = RecordCodec.ReadSortedAddresses(ref reader, "round.participants", RegistryLimits.MaxRoundParticipants),
            DeadlineHeight = reader.ReadVarUInt("round.deadline_height"),
            OpenedHeight = reader.ReadVarUInt("round.opened_height"),
            Description = reader.ReadString("round.description", RegistryLimits.MaxNoteBytes),
            Status = reader.ReadEnum<RoundStatus>("round.status"),
            ContributionCount = reader.ReadVarUInt("round.contribution_count"),
            ClosedHeight = reader.ReadVarUInt("round.closed_height"),
            AggregatedVersion = reader.ReadHash("round.aggregated_version"),
        };
    }
}
