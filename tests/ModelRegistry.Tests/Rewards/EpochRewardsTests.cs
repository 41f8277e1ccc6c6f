using System.Numerics;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Rewards;
using DaiChain.ModelRegistry.State;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.RegistryTestKit;

namespace DaiChain.ModelRegistry.Tests.Rewards;

public sealed class EpochRewardsTests
{
    private static RegistryChain NewChain(ulong epochBlocks = 10, ulong reward = 1_000_000, ulong depth = 3) => new(g => g
        .WithParameter(RegistryParameters.EpochBlocks, epochBlocks)
        .WithParameter(RegistryParameters.EpochReward, reward)
        .WithParameter(RegistryParameters.RewardLineageDepth, depth)
        .WithAccount(RewardPool.Address, 5_000_000));

    [Fact]
    public void An_epoch_pays_its_pool_to_contributors_weighted_along_the_lineage_of_the_served_versions()
    {
        var chain = NewChain();
        var model = Samples.ModelId(Actors.Alice.Address);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()));
        var carol = chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address, samples: 1_000, compute: 0));
        var bob = chain.Tx(Actors.Bob, Samples.Contribution(model, Actors.Bob.Address, samples: 0, compute: 300));
        chain.Commit(carol, bob);
        var v1 = Samples.VersionId(model, "1.0.0");
        var v2 = Samples.VersionId(model, "2.0.0");
        chain.Commit(
            chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0") with { Contributions = [carol.Hash] }),
            chain.Tx(Actors.Alice, Samples.Version(model, "2.0.0", v1) with { Contributions = [bob.Hash] }));
        chain.Commit(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(v2, 100, Hash256.Compute("root"u8), default)));
        var carolBefore = chain.AccountOf(Actors.Carol.Address).Balance;
        var bobBefore = chain.AccountOf(Actors.Bob.Address).Balance;

        chain.AdvanceTo(10);

        // Depth 3: v2 served 100 receipts → weight 100·2^3 = 800; v1 (its parent) 100·2^2 = 400.
        // Scores: Bob 800·300 = 240,000; Carol 400·1,000 = 400,000; the pool of 1,000,000 splits 375,000 / 625,000.
        var expected = RewardSplit.Split(1_000_000, new Dictionary<Address, BigInteger> { [Actors.Bob.Address] = 240_000, [Actors.Carol.Address] = 400_000 });
        Assert.Equal([(Actors.Bob.Address, 375_000UL), (Actors.Carol.Address, 625_000UL)], expected.OrderBy(e => e.Account));
        Assert.Equal(bobBefore + 375_000, chain.AccountOf(Actors.Bob.Address).Balance);
        Assert.Equal(carolBefore + 625_000, chain.AccountOf(Actors.Carol.Address).Balance);
        Assert.Equal(4_000_000UL, chain.AccountOf(RewardPool.Address).Balance);

        var state = chain.Chain.Head.State;
        var record = RegistryState.GetEpochReward(state, 0)!;
        Assert.Equal((100UL, 1UL, 1_000_000UL, 1_000_000UL, 2UL), (record.Receipts, record.ServedVersions, record.Pool, record.Distributed, record.Recipients));
        Assert.Equal(new BigInteger(640_000), record.TotalScore);
        Assert.Equal(new ModelRegistry.Records.EpochState(1, 11, 0, 0), RegistryState.GetEpoch(state));
        Assert.Equal(0UL, AppendList.Count(state, RegistrySpaces.EpochServed, InferenceAccounting.EpochOwner(0)));
        Assert.Equal(0UL, RegistryState.GetEpochUsage(state, 0, v2));
        Assert.Single(AppendListItems(state, Actors.Bob.Address));
    }

    [Fact]
    public void An_epoch_without_receipts_pays_nothing_and_the_pool_carries_over()
    {
        var chain = NewChain(epochBlocks: 3);
        chain.AdvanceTo(7);
        Assert.Equal(5_000_000UL, chain.AccountOf(RewardPool.Address).Balance);
        Assert.Null(RegistryState.GetEpochReward(chain.Chain.Head.State, 0));
        Assert.Equal(2UL, RegistryState.GetEpoch(chain.Chain.Head.State).Epoch);
    }

    [Fact]
    public void Revoked_versions_earn_nothing_and_a_small_pool_pays_what_it_holds()
    {
        var chain = new RegistryChain(g => g.WithParameter(RegistryParameters.EpochBlocks, 6).WithAccount(RewardPool.Address, 999));
        var model = Samples.ModelId(Actors.Alice.Address);
        chain.Commit(chain.Tx(Actors.Alice, Samples.Model()));
        var carol = chain.Tx(Actors.Carol, Samples.Contribution(model, Actors.Carol.Address));
        var bob = chain.Tx(Actors.Bob, Samples.Contribution(model, Actors.Bob.Address));
        chain.Commit(carol, bob);
        var v1 = Samples.VersionId(model, "1.0.0");
        var v2 = Samples.VersionId(model, "2.0.0");
        chain.Commit(
            chain.Tx(Actors.Alice, Samples.Version(model, "1.0.0") with { Contributions = [carol.Hash] }),
            chain.Tx(Actors.Alice, Samples.Version(model, "2.0.0", v1) with { Contributions = [bob.Hash] }));
        chain.Commit(chain.Tx(Actors.Alice, new RevokeVersionPayload(v1, "withdrawn")), chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(v2, 5, Hash256.Compute("r"u8), default)));
        var carolBefore = chain.AccountOf(Actors.Carol.Address).Balance;
        var bobBefore = chain.AccountOf(Actors.Bob.Address).Balance;
        chain.AdvanceTo(6);
        Assert.Equal(carolBefore, chain.AccountOf(Actors.Carol.Address).Balance);
        Assert.Equal(bobBefore + 999, chain.AccountOf(Actors.Bob.Address).Balance);
        Assert.Equal(0UL, chain.AccountOf(RewardPool.Address).Balance);
    }

    [Fact]
    public void The_same_blocks_give_the_same_payouts_on_every_run()
    {
        static Hash256 Run()
        {
            var chain = NewChain(epochBlocks: 4);
            var dag = RegistryDag.Build(chain, 30, seed: 9, perBlock: 30);
            var model = dag.Model;
            var contributions = Enumerable.Range(0, 6).Select(i => chain.Tx(i % 2 == 0 ? Actors.Carol : Actors.Bob, Samples.Contribution(model, (i % 2 == 0 ? Actors.Carol : Actors.Bob).Address, samples: (ulong)(100 * (i + 1))))).ToArray();
            chain.Commit(contributions);
            chain.Commit(chain.Tx(Actors.Alice, Samples.Version(model, "9.0.0", dag.Versions[29], dag.Versions[3]) with { Contributions = [.. contributions.Select(c => c.Hash)] }));
            chain.Commit(chain.Tx(Actors.Provider, new RecordInferenceBatchPayload(Samples.VersionId(model, "9.0.0"), 1_234, Hash256.Compute("r"u8), default)));
            chain.AdvanceTo(12);
            return chain.StateRoot;
        }

        Assert.Equal(Run(), Run());
    }

    private static List<byte[]> AppendListItems(Ledger.State.IStateReader state, Address account)
    {
        var count = AppendList.Count(state, RegistrySpaces.Rewards, account.ToArray());
        return [.. Enumerable.Range(0, (int)count).Select(i => AppendList.Get(state, RegistrySpaces.Rewards, account.ToArray(), (ulong)i)!)];
    }
}
