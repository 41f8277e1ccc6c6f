using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Rewards;

/// <summary>
/// The account epoch rewards are paid from: the last 20 bytes of <c>SHA-256("daichain/registry/reward-pool/v1")</c>.
/// No key is known for it, so only the epoch step spends from it; genesis or anyone's transfer funds it.
/// </summary>
public static class RewardPool
{
    public static Address Address { get; } = new(Hash256.Compute("daichain/registry/reward-pool/v1"u8).ToArray().AsSpan(12));
}
