namespace DaiChain.ModelRegistry.State;

/// <summary>
/// The state key spaces the registry owns (docs/spec/registry.md, "State"). A key is
/// <c>SHA-256(space ‖ "/" ‖ id)</c>; list spaces are <see cref="AppendList"/>s whose owner is the id shown.
/// </summary>
public static class RegistrySpaces
{
    /// <summary>Model id (32) → <c>ModelRecord</c>.</summary>
    public const string Model = "reg.model";

    /// <summary>List (owner: none) of model ids in registration order.</summary>
    public const string Models = "reg.models";

    /// <summary>Version id (32) → <c>VersionRecord</c>.</summary>
    public const string Version = "reg.version";

    /// <summary>Version id (32) → <c>ModelCard</c>.</summary>
    public const string Card = "reg.card";

    /// <summary>List (owner: model id) of version ids in registration order.</summary>
    public const string ModelVersions = "reg.model_versions";

    /// <summary>List (owner: version id) of the ids of versions that name it as a parent.</summary>
    public const string Children = "reg.children";

    /// <summary>List (owner: version id) of <c>StageChange</c>.</summary>
    public const string StageHistory = "reg.stage_history";

    /// <summary>Alias id (32) → <c>AliasRecord</c> (where the alias points now).</summary>
    public const string Alias = "reg.alias";

    /// <summary>List (owner: alias id) of <c>AliasRecord</c>, every change.</summary>
    public const string AliasHistory = "reg.alias_history";

    /// <summary>List (owner: model id) of alias ids, in order of first use.</summary>
    public const string ModelAliases = "reg.model_aliases";

    /// <summary>List (owner: artifact SHA-256) of the ids of versions that name it.</summary>
    public const string ArtifactVersions = "reg.artifact_versions";

    /// <summary>Dataset hash (32) → <c>DatasetRecord</c>.</summary>
    public const string Dataset = "reg.dataset";

    /// <summary>List (owner: none) of dataset hashes in registration order.</summary>
    public const string Datasets = "reg.datasets";

    /// <summary>List (owner: dataset hash) of the ids of versions trained on it.</summary>
    public const string DatasetVersions = "reg.dataset_versions";

    /// <summary>Benchmark name (UTF-8) → <c>BenchmarkRecord</c>.</summary>
    public const string Benchmark = "reg.benchmark";

    /// <summary>List (owner: none) of benchmark names (UTF-8) in registration order.</summary>
    public const string Benchmarks = "reg.benchmarks";

    /// <summary>Contribution id (32) → <c>ContributionRecord</c>.</summary>
    public const string Contribution = "reg.contribution";

    /// <summary>List (owner: model id) of contribution ids, model and round targets alike.</summary>
    public const string ModelContributions = "reg.model_contributions";

    /// <summary>List (owner: contributor address) of contribution ids.</summary>
    public const string ContributorContributions = "reg.contributor_contributions";

    /// <summary>List (owner: round id) of contribution ids.</summary>
    public const string RoundContributions = "reg.round_contributions";

    /// <summary>List (owner: contribution id) of the ids of versions that cite it.</summary>
    public const string ContributionVersions = "reg.contribution_versions";

    /// <summary>Round id (32) → <c>RoundRecord</c>.</summary>
    public const string Round = "reg.round";

    /// <summary>List (owner: model id) of round ids.</summary>
    public const string ModelRounds = "reg.model_rounds";

    /// <summary>Batch id (32) → <c>InferenceBatchRecord</c>.</summary>
    public const string Batch = "reg.batch";

    /// <summary>List (owner: version id) of batch ids.</summary>
    public const string VersionBatches = "reg.version_batches";

    /// <summary>Version id (32) → <c>VersionUsage</c>.</summary>
    public const string VersionUsage = "reg.version_usage";

    /// <summary><c>"current"</c> → <c>EpochState</c>.</summary>
    public const string Epoch = "reg.epoch";

    /// <summary>List (owner: epoch <c>u64</c>) of the version ids served in it, first use first, at most 1,024; deleted once paid.</summary>
    public const string EpochServed = "reg.epoch_served";

    /// <summary>Epoch <c>u64</c> ‖ version id (32) → receipts of that version in that epoch (<c>varuint</c>); deleted once paid.</summary>
    public const string EpochUsage = "reg.epoch_usage";

    /// <summary>Epoch <c>u64</c> → <c>EpochRewardRecord</c>.</summary>
    public const string EpochReward = "reg.epoch_reward";

    /// <summary>List (owner: address) of <c>RewardEntry</c>.</summary>
    public const string Rewards = "reg.rewards";

    /// <summary>Validator address (20) ‖ artifact hash (32) ‖ benchmark name (UTF-8) → height (<c>u64</c>) at which its conflicting evaluations were punished.</summary>
    public const string EvaluationReport = "reg.evaluation_report";
}
