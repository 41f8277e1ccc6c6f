using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>A registered model version, under <c>reg.version/{id}</c>. The model card is stored beside it (<c>reg.card/{id}</c>).</summary>
/// <remarks>
/// Encoding: version <c>u8 = 1</c>, id (32), model id (32), semver <c>string&lt;64&gt;</c>, artifact SHA-256 (32),
/// artifact size <c>varuint</c>, parents <c>list&lt;hash, 16&gt;</c>, datasets <c>list&lt;hash, 32&gt;</c>,
/// contributions <c>list&lt;hash, 64&gt;</c>, hyperparameters hash (32), model card hash (32), model card size
/// <c>varuint</c>, benchmarks <c>list&lt;string&lt;64&gt;, 8&gt;</c>, registered height <c>varuint</c>, registered by
/// (20), stage <c>u8</c>, stage height <c>varuint</c>, closed round (32, zero when none), revoked <c>bool</c> and if
/// so reason <c>string&lt;1024&gt;</c>, height <c>varuint</c>, by (20); evaluation state <c>u8</c>, evaluations
/// <c>list&lt;EvaluationEntry, 8&gt;</c>, reward shares <c>list&lt;(address, varuint), 64&gt;</c> sorted by address.
/// </remarks>
public sealed record VersionRecord : ICanonicalEncodable<VersionRecord>
{
    private const byte Version1 = 1;

    public required Hash256 Id { get; init; }

    public required Hash256 ModelId { get; init; }

    /// <summary>The semantic version as registered (build metadata included).</summary>
    public required string Semver { get; init; }

    public required Hash256 ArtifactHash { get; init; }

    public required ulong ArtifactSize { get; init; }

    /// <summary>Lineage: the versions this one derives from (any model), in the order given.</summary>
    public required IReadOnlyList<Hash256> Parents { get; init; }

    public required IReadOnlyList<Hash256> Datasets { get; init; }

    public required IReadOnlyList<Hash256> Contributions { get; init; }

    public required Hash256 HyperparametersHash { get; init; }

    public required Hash256 ModelCardHash { get; init; }

    public required ulong ModelCardBytes { get; init; }

    /// <summary>Names of the benchmarks the version is to be evaluated on.</summary>
    public required IReadOnlyList<string> Benchmarks { get; init; }

    public required ulong RegisteredHeight { get; init; }

    public required Address RegisteredBy { get; init; }

    public VersionStage Stage { get; init; }

    public ulong StageHeight { get; init; }

    /// <summary>The federated round this version closed (aggregated), zero when none.</summary>
    public Hash256 ClosedRound { get; init; }

    public Revocation? Revocation { get; init; }

    public EvaluationState Evaluation { get; init; }

    public IReadOnlyList<EvaluationEntry> Evaluations { get; init; } = [];

    /// <summary>Reward points per contributor from the cited contributions, sorted by address.</summary>
    public IReadOnlyList<RewardShare> RewardShares { get; init; } = [];

    public bool IsRevoked => Revocation is not null;

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(Id);
        writer.WriteHash(ModelId);
        writer.WriteString(Semver, RegistryLimits.MaxSemverBytes);
        writer.WriteHash(ArtifactHash);
        writer.WriteVarUInt(ArtifactSize);
        RecordCodec.WriteHashes(ref writer, Parents, RegistryLimits.MaxParents);
        RecordCodec.WriteHashes(ref writer, Datasets, RegistryLimits.MaxVersionDatasets);
        RecordCodec.WriteHashes(ref writer, Contributions, RegistryLimits.MaxVersionContributions);
        writer.WriteHash(HyperparametersHash);
        writer.WriteHash(ModelCardHash);
        writer.WriteVarUInt(ModelCardBytes);
        RecordCodec.WriteStrings(ref writer, Benchmarks, RegistryLimits.MaxVersionBenchmarks, RegistryLimits.MaxBenchmarkNameBytes);
        writer.WriteVarUInt(RegisteredHeight);
        writer.WriteAddress(RegisteredBy);
        writer.WriteByte((byte)Stage);
        writer.WriteVarUInt(StageHeight);
        writer.WriteHash(ClosedRound);
        writer.WriteBool(Revocation is not null);
        if (Revocation is { } revocation)
        {
            writer.WriteString(revocation.Reason, RegistryLimits.MaxReasonBytes);
            writer.WriteVarUInt(revocation.Height);
            writer.WriteAddress(revocation.By);
        }

        writer.WriteByte((byte)Evaluation);
        writer.WriteList(Evaluations, RegistryLimits.MaxEvaluations, static (ref CanonicalWriter w, EvaluationEntry e) => e.Encode(ref w));
        writer.WriteList(RewardShares, RegistryLimits.MaxVersionContributions, static (ref CanonicalWriter w, RewardShare s) =>
        {
            w.WriteAddress(s.Contributor);
            w.WriteVarUInt(s.Points);
        });
    }

    public static VersionRecord Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("version.version", Version1);
        var id = reader.ReadHash("version.id");
        var model = reader.ReadHash("version.model");
        var semver = reader.ReadString("version.semver", RegistryLimits.MaxSemverBytes);
        var artifact = reader.ReadHash("version.artifact_hash");
        var size = reader.ReadVarUInt("version.artifact_size");
        var parents = RecordCodec.ReadHashes(ref reader, "version.parents", RegistryLimits.MaxParents);
        var datasets = RecordCodec.ReadHashes(ref reader, "version.datasets", RegistryLimits.MaxVersionDatasets);
        var contributions = RecordCodec.ReadHashes(ref reader, "version.contributions", RegistryLimits.MaxVersionContributions);
        var hyperparameters = reader.ReadHash("version.hyperparameters_hash");
        var cardHash = reader.ReadHash("version.card_hash");
        var cardBytes = reader.ReadVarUInt("version.card_bytes");
        var benchmarks = RecordCodec.ReadStrings(ref reader, "version.benchmarks", RegistryLimits.MaxVersionBenchmarks, RegistryLimits.MaxBenchmarkNameBytes);
        var height = reader.ReadVarUInt("version.registered_height");
        var by = reader.ReadAddress("version.registered_by");
        var stage = reader.ReadEnum<VersionStage>("version.stage");
        var stageHeight = reader.ReadVarUInt("version.stage_height");
        var round = reader.ReadHash("version.closed_round");
        Revocation? revocation = null;
        if (reader.ReadBool("version.revoked"))
        {
            revocation = new Revocation(reader.ReadString("version.revocation.reason", RegistryLimits.MaxReasonBytes), reader.ReadVarUInt("version.revocation.height"), reader.ReadAddress("version.revocation.by"));
        }

        var evaluation = reader.ReadEnum<EvaluationState>("version.evaluation");
        var evaluations = reader.ReadList("version.evaluations", RegistryLimits.MaxEvaluations, EvaluationEntry.Decode);
        var at = reader.Position;
        var shares = reader.ReadList("version.reward_shares", RegistryLimits.MaxVersionContributions, static (ref CanonicalReader r) =>
            new RewardShare(r.ReadAddress("share.contributor"), r.ReadVarUInt("share.points")));
        for (var i = 1; i < shares.Length; i++)
        {
            if (shares[i - 1].Contributor.CompareTo(shares[i].Contributor) >= 0)
            {
                throw new CodecException("version.reward_shares", at, "reward shares must be sorted by contributor without repeats");
            }
        }

        return new VersionRecord
        {
            Id = id,
            ModelId = model,
            Semver = semver,
            ArtifactHash = artifact,
            ArtifactSize = size,
            Parents = parents,
            Datasets = datasets,
            Contributions = contributions,
            HyperparametersHash = hyperparameters,
            ModelCardHash = cardHash,
            ModelCardBytes = cardBytes,
            Benchmarks = benchmarks,
            RegisteredHeight = height,
            RegisteredBy = by,
            Stage = stage,
            StageHeight = stageHeight,
            ClosedRound = round,
            Revocation = revocation,
            Evaluation = evaluation,
            Evaluations = evaluations,
            RewardShares = shares,
        };
    }
}
