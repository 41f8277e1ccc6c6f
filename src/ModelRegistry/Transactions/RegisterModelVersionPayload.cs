using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Records;

namespace DaiChain.ModelRegistry.Transactions;

/// <summary>
/// Kind 101 payload: version <c>u8 = 1</c>, model id (32), semver <c>string&lt;64&gt;</c>, artifact SHA-256 (32), artifact
/// size <c>varuint</c>, parents <c>list&lt;hash, 16&gt;</c>, datasets <c>list&lt;hash, 32&gt;</c>, contributions
/// <c>list&lt;hash, 64&gt;</c>, hyperparameters hash (32, zero when not given), model card <c>string&lt;65536&gt;</c> (at
/// most 16,384 bytes are accepted: larger is <c>card_too_large</c>), benchmarks <c>list&lt;string&lt;64&gt;, 8&gt;</c>.
/// </summary>
public sealed record RegisterModelVersionPayload : ICanonicalEncodable<RegisterModelVersionPayload>
{
    private const byte Version1 = 1;

    public required Hash256 ModelId { get; init; }

    public required string Semver { get; init; }

    public required Hash256 ArtifactHash { get; init; }

    public required ulong ArtifactSize { get; init; }

    public IReadOnlyList<Hash256> Parents { get; init; } = [];

    public IReadOnlyList<Hash256> Datasets { get; init; } = [];

    public IReadOnlyList<Hash256> Contributions { get; init; } = [];

    public Hash256 HyperparametersHash { get; init; }

    public string ModelCard { get; init; } = string.Empty;

    public IReadOnlyList<string> Benchmarks { get; init; } = [];

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteHash(ModelId);
        writer.WriteString(Semver, RegistryLimits.MaxSemverBytes);
        writer.WriteHash(ArtifactHash);
        writer.WriteVarUInt(ArtifactSize);
        RecordCodec.WriteHashes(ref writer, Parents, RegistryLimits.MaxParents);
        RecordCodec.WriteHashes(ref writer, Datasets, RegistryLimits.MaxVersionDatasets);
        RecordCodec.WriteHashes(ref writer, Contributions, RegistryLimits.MaxVersionContributions);
        writer.WriteHash(HyperparametersHash);
        writer.WriteString(ModelCard, RegistryLimits.MaxModelCardCodecBytes);
        RecordCodec.WriteStrings(ref writer, Benchmarks, RegistryLimits.MaxVersionBenchmarks, RegistryLimits.MaxBenchmarkNameBytes);
    }

    public static RegisterModelVersionPayload Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("register_version.version", Version1);
        return new RegisterModelVersionPayload
        {
            ModelId = reader.ReadHash("register_version.model"),
            Semver = reader.ReadString("register_version.semver", RegistryLimits.MaxSemverBytes),
            ArtifactHash = reader.ReadHash("register_version.artifact_hash"),
            ArtifactSize = reader.ReadVarUInt("register_version.artifact_size"),
            Parents = RecordCodec.ReadHashes(ref reader, "register_version.parents", RegistryLimits.MaxParents),
            Datasets = RecordCodec.ReadHashes(ref reader, "register_version.datasets", RegistryLimits.MaxVersionDatasets),
            Contributions = RecordCodec.ReadHashes(ref reader, "register_version.contributions", RegistryLimits.MaxVersionContributions),
            HyperparametersHash = reader.ReadHash("register_version.hyperparameters_hash"),
            ModelCard = reader.ReadString("register_version.model_card", RegistryLimits.MaxModelCardCodecBytes),
            Benchmarks = RecordCodec.ReadStrings(ref reader, "register_version.benchmarks", RegistryLimits.MaxVersionBenchmarks, RegistryLimits.MaxBenchmarkNameBytes),
        };
    }
}
