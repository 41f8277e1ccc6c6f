using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A recorded training contribution, under <c>reg.contribution/{id}</c> (id = hash of the recording transaction).</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id (32), target <c>u8</c>, model id (32), round id (32, zero for a model
/// target), contributor (20), recorded by (20), dataset commitment (32), sample count <c>varuint</c>, compute units
/// <c>varuint</c>, update artifact (32, zero when none), height <c>varuint</c>.
/// </remarks>
public sealed record ContributionRecord : ICanonicalEncodable<ContributionRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Id { get; init; }

    public required ContributionTarget Target { get; init; }

    /// <summary>The model the contribution serves (a round's model for round contributions).</summary>
    public required Hash256 ModelId { get; init; }

    public required Hash256 RoundId { get; init; }

    /// <summary>Who is credited (and rewarded).</summary>
    public required Address Contributor { get; init; }

    public required Address RecordedBy { get; init; }

    /// <summary>A commitment to the training data used (its hash, or a Merkle root of private data); never the data.</summary>
    public required Hash256 DatasetCommitment { get; init; }

    public required ulong SampleCount { get; init; }

    public required ulong ComputeUnits { get; init; }

    /// <summary>The model update (weights delta, checkpoint) the contributor produced, zero when none.</summary>
    public required Hash256 UpdateArtifact { get; init; }

    public required ulong Height { get; init; }

    /// <summary>Reward points: one per sample and one per compute unit.</summary>
    public ulong Points => SampleCount + ComputeUnits;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Id);
        writer.WriteByte((byte)Target);
        writer.WriteHash(ModelId);
        writer.WriteHash(RoundId);
        writer.WriteAddress(Contributor);
        writer.WriteAddress(RecordedBy);
        writer.WriteHash(DatasetCommitment);
        writer.WriteVarUInt(SampleCount);
        writer.WriteVarUInt(ComputeUnits);
        writer.WriteHash(UpdateArtifact);
        writer.WriteVarUInt(Height);
    }

    public static ContributionRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("contribution.version", Version1);
        return new ContributionRecord
        {
            Id = reader.ReadHash("contribution.id"),
            Target = reader.ReadEnum<ContributionTarget>("contribution.target"),
            ModelId = reader.ReadHash("contribution.model"),
            RoundId = reader.ReadHash("contribution.round"),
            Contributor = reader.ReadAddress("contribution.contributor"),
            RecordedBy = reader.ReadAddress("contribution.recorded_by"),
            DatasetCommitment = reader.ReadHash("contribution.dataset_commitment"),
            SampleCount = reader.ReadVarUInt("contribution.sample_count", RegistryLimits.MaxContributionAmount),
            ComputeUnits = reader.ReadVarUInt("contribution.compute_units", RegistryLimits.MaxContributionAmount),
            UpdateArtifact = reader.ReadHash("contribution.update_artifact"),
            Height = reader.ReadVarUInt("contribution.height"),
        };
    }
}
