using System.Globalization;
using System.Numerics;
using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Parameters;
using DaiChain.Ledger.Primitives;
using DaiChain.Ledger.State;
using DaiChain.Ledger.Transactions;
using DaiChain.ModelRegistry.Records;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.ModelRegistry.Rewards;

/// <summary>
/// The end-of-block step that closes a reward epoch every <c>registry.epoch_blocks</c> blocks and pays its pool to
/// the contributors of the versions that served inference in it, weighted along their lineage.
/// </summary>
/// <remarks>
/// <para>Weights: a version v served r receipts in the epoch. With depth D (<c>registry.reward_lineage_depth</c>),
/// v and each ancestor a at generation g ≤ D (shortest path, breadth first over parents in their listed order, at
/// most 64 distinct versions per served version) gain weight <c>r · 2^(D − g)</c>: the version that served
/// counts most, its parents half as much, and so on. Revoked versions gain nothing.</para>
/// <para>Scores: each version's weight times each contributor's points in it (samples + compute units of the
/// contributions it cites), summed per contributor. The pool, <c>min(epoch_reward, balance of the pool
/// account)</c>, is split by <see cref="RewardSplit"/> and moved from the pool account to the contributors.</para>
/// <para>Everything iterated is an explicit list or a sorted map; arithmetic is exact integers.</para>
/// </remarks>
public sealed class EpochRewards(ParameterRegistry parameters) : IEndBlockHandler
{
    public string Name => "registry_epoch_rewards";

    public void EndBlock(IStateAccess state, BlockContext block, List<ReceiptEvent> events)
    {
        var epoch = RegistryState.GetEpoch(state);
        var length = ParameterState.Get(state, parameters, RegistryParameters.EpochBlocks);
        if (block.Height < epoch.StartHeight || block.Height - epoch.StartHeight + 1 < length)
        {
            return;
        }

        var depth = (int)ParameterState.Get(state, parameters, RegistryParameters.RewardLineageDepth);
        var owner = InferenceAccounting.EpochOwner(epoch.Epoch);
        var served = RegistryState.ReadIds(state, RegistrySpaces.EpochServed, owner, 0, RegistryLimits.MaxServedVersionsPerEpoch);
        var weights = new SortedDictionary<Hash256, BigInteger>();
        foreach (var versionId in served)
        {
            var receipts = RegistryState.GetEpochUsage(state, epoch.Epoch, versionId);
            AddLineageWeight(state, versionId, receipts, depth, weights);
        }

        var scores = new SortedDictionary<Address, BigInteger>();
        foreach (var (versionId, weight) in weights)
        {
            var version = RegistryState.GetVersion(state, versionId)!;
            foreach (var share in version.RewardShares)
            {
                scores[share.Contributor] = scores.GetValueOrDefault(share.Contributor) + (weight * share.Points);
            }
        }

        var totalScore = BigInteger.Zero;
        foreach (var score in scores.Values)
        {
            totalScore += score;
        }

        var poolAccount = AccountState.Get(state, RewardPool.Address);
        var pool = Math.Min(poolAccount.Balance, ParameterState.Get(state, parameters, RegistryParameters.EpochReward));
        var shares = RewardSplit.Split(pool, scores);
        var distributed = 0UL;
        foreach (var (account, amount) in shares)
        {
            var recipient = AccountState.Get(state, account);
            if (ulong.MaxValue - recipient.Balance < amount)
            {
                continue;
            }

            AccountState.Put(state, account, recipient with { Balance = recipient.Balance + amount });
            AppendList.Append(state, RegistrySpaces.Rewards, account.ToArray(), Canonical.Encode(new RewardEntry(epoch.Epoch, amount, block.Height)));
            distributed += amount;
        }

        if (distributed > 0)
        {
            poolAccount = AccountState.Get(state, RewardPool.Address);
            AccountState.Put(state, RewardPool.Address, poolAccount with { Balance = poolAccount.Balance - distributed });
        }

        if (epoch.Receipts > 0 || distributed > 0)
        {
            RegistryState.Put(state, RegistryState.EpochRewardKey(epoch.Epoch), new EpochRewardRecord
            {
                Epoch = epoch.Epoch,
                StartHeight = epoch.StartHeight,
                EndHeight = block.Height,
                Receipts = epoch.Receipts,
                ServedVersions = epoch.ServedVersions,
                Pool = pool,
                Distributed = distributed,
                Recipients = (ulong)shares.Count,
                TotalScore = totalScore,
            });
        }

        foreach (var versionId in served)
        {
            state.Delete(RegistryState.EpochUsageKey(epoch.Epoch, versionId));
        }

        AppendList.Clear(state, RegistrySpaces.EpochServed, owner);
        RegistryState.Put(state, RegistryState.EpochKey(), new EpochState(epoch.Epoch + 1, block.Height + 1, 0, 0));
        if (epoch.Receipts > 0 || distributed > 0)
        {
            events.Add(new ReceiptEvent("registry.epoch_rewarded", [
                new("epoch", epoch.Epoch.ToString(CultureInfo.InvariantCulture)),
                new("receipts", epoch.Receipts.ToString(CultureInfo.InvariantCulture)),
                new("pool", pool.ToString(CultureInfo.InvariantCulture)),
                new("distributed", distributed.ToString(CultureInfo.InvariantCulture)),
                new("recipients", shares.Count.ToString(CultureInfo.InvariantCulture)),
            ]));
        }
    }

    /// <summary>Breadth-first from <paramref name="served"/> over parents, up to <paramref name="depth"/> generations and 64 versions.</summary>
    private static void AddLineageWeight(IStateReader state, Hash256 served, ulong receipts, int depth, SortedDictionary<Hash256, BigInteger> weights)
    {
        var seen = new HashSet<Hash256> { served };
        var frontier = new List<Hash256> { served };
        for (var generation = 0; generation <= depth && frontier.Count > 0; generation++)
        {
            var next = new List<Hash256>();
            foreach (var id in frontier)
            {
                var version = RegistryState.GetVersion(state, id);
                if (version is null)
                {
                    continue;
                }

                if (version.Revocation is null)
                {
                    weights[id] = weights.GetValueOrDefault(id) + (new BigInteger(receipts) << (depth - generation));
                }

                if (generation == depth)
                {
                    continue;
                }

                foreach (var parent in version.Parents)
                {
                    if (seen.Count < RegistryLimits.MaxRewardAncestorsPerVersion && seen.Add(parent))
                    {
                        next.Add(parent);
                    }
                }
            }

            frontier = next;
        }
    }
}
