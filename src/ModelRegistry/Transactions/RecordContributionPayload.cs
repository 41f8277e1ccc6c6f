using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 107 payload: version <c>u8 = 1</c>, target <c>u8</c> (1 model, 2 round), target id (32), contributor (20),
/// dataset commitment (32), sample count <c>varuint</c>, compute units <c>varuint</c>, update artifact (32, zero when none).
/// </summary>
public sealed record RecordContributionPayload : ICanonicalEncodable<RecordContributionPayload>
{
    private const byte Version1 = 1;

    public required ContributionTarget Target { get; init; }

    /// <summary>The model id or the round id.</summary>
    public required Hash256 TargetId { get; init; }

    public required Address Contributor { get; init; }

    public required Hash256 DatasetCommitment { get; init; }

    public required ulong SampleCount { get; init; }

    public required ulong ComputeUnits { get; init; }

    public Hash256 UpdateArtifact { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteByte((byte)Target);
        writer.WriteHash(TargetId);
        writer.WriteAddress(Contributor);
        writer.WriteHash(DatasetCommitment);
        writer.WriteVarUInt(SampleCount);
        writer.WriteVarUInt(ComputeUnits);
        writer.WriteHash(UpdateArtifact);
    }

    public static RecordContributionPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("contribution.version", Version1);
        return new RecordContributionPayload
        {
            Target = reader.ReadEnum<ContributionTarget>("contribution.target"),
            TargetId = reader.ReadHash("contribution.target_id"),
            Contributor = reader.ReadAddress("contribution.contributor"),
            DatasetCommitment = reader.ReadHash("contribution.dataset_commitment"),
            SampleCount = reader.ReadVarUInt("contribution.sample_count"),
            ComputeUnits = reader.ReadVarUInt("contribution.compute_units"),
            UpdateArtifact = reader.ReadHash("contribution.update_artifact"),
        };
    }
}
