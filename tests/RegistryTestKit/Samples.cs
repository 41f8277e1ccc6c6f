using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.RegistryTestKit;

/// <summary>Valid payloads to start from; tests change one field to make a rejection.</summary>
public static class Samples
{
    public static RegisterModelPayload Model(string name = "resnet-mini", params Address[] coOwners) =>
        new(name, "a small image classifier", "image-classification", "Apache-2.0", [.. coOwners.Order()]);

    public static Hash256 ModelId(Address creator, string name = "resnet-mini") => RegistryIds.Model(creator, name);

    /// <summary>A deterministic stand-in artifact hash per label (never the empty hash).</summary>
    public static Hash256 Artifact(string label) => Hash256.Compute(System.Text.Encoding.UTF8.GetBytes("artifact:" + label));

    public static RegisterModelVersionPayload Version(Hash256 model, string semver, params Hash256[] parents) => new()
    {
        ModelId = model,
        Semver = semver,
        ArtifactHash = Artifact(semver),
        ArtifactSize = 4096,
        Parents = parents,
        HyperparametersHash = Hash256.Compute("lr=0.01"u8),
        ModelCard = $"# {semver}\nTrained for the registry tests.",
    };

    public static Hash256 VersionId(Hash256 model, string semver) => RegistryIds.Version(model, semver);

    public static RegisterDatasetPayload Dataset(string name = "mnist-train", DatasetVisibility visibility = DatasetVisibility.Public) =>
        new(Hash256.Compute(System.Text.Encoding.UTF8.GetBytes("dataset:" + name)), name, 47_040_016, "{\"image\":\"u8[28,28]\",\"label\":\"i64\"}", "CC-BY-4.0", visibility);

    public static RegisterBenchmarkPayload Benchmark(Hash256 dataset, string name = "mnist-accuracy") => new(name, "top-1 accuracy on the MNIST test set", new BenchmarkSpec
    {
        ScoredOutput = "probabilities",
        Task = BenchmarkTask.Classification,
        Metric = BenchmarkMetric.Accuracy,
        Threshold = 9_000,
        DatasetHash = dataset,
    });

    public static RecordContributionPayload Contribution(Hash256 target, Address contributor, ulong samples = 1_000, ulong compute = 10, ContributionTarget kind = ContributionTarget.Model) => new()
    {
        Target = kind,
        TargetId = target,
        Contributor = contributor,
        DatasetCommitment = Hash256.Compute(contributor.ToArray()),
        SampleCount = samples,
        ComputeUnits = compute,
        UpdateArtifact = Hash256.Compute("update"u8),
    };
}
