using DaiChain.Ledger.Parameters;

namespace DaiChain.ModelRegistry;

/// <summary>The registry's chain parameters (changeable by governance, <c>ChangeParameter</c>).</summary>
public static class RegistryParameters
{
    /// <summary>Blocks per reward epoch.</summary>
    public const string EpochBlocks = "registry.epoch_blocks";

    /// <summary>Most tokens paid out per epoch, drawn from the reward pool account.</summary>
    public const string EpochReward = "registry.epoch_reward";

    /// <summary>How many generations of ancestors of a served version share its inference weight.</summary>
    public const string RewardLineageDepth = "registry.reward_lineage_depth";

    public static void RegisterAll(ParameterRegistry registry)
    {
        registry.Register(new(EpochBlocks, 100, 1, 10_000_000, "blocks per reward epoch"));
        registry.Register(new(EpochReward, 1_000_000, 0, ulong.MaxValue, "most tokens the reward pool pays per epoch"));
        registry.Register(new(RewardLineageDepth, 3, 0, RegistryLimits.MaxRewardLineageDepth, "generations of ancestors that share a served version's inference weight"));
    }
}
