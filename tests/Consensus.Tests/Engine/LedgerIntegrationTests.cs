using DaiChain.ConsensusSim;
using DaiChain.ConsensusSim.Byzantine;

namespace DaiChain.Consensus.Tests.Engine;

/// <summary>The engine over the real ledger (<see cref="Application.ChainApplication"/>): execution, mempool, slashing, jailing.</summary>
public class LedgerIntegrationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_double_voter_is_punished_by_committed_evidence_and_leaves_the_set_at_h_plus_2(int seed)
    {
        var scenario = Scenarios.N4F1Ledger with { ByzantineKinds = [ByzantineKind.DoubleVoter], Crashes = 0 };
        var run = new SimRun(scenario, seed);
        var result = run.Run();
        Assert.True(result.Passed, result.ToString());
        Assert.True(result.Stats.EvidenceCommitted > 0, result.ToString());
        Assert.True(result.Stats.Transactions > 0, result.ToString());

        var byzantine = run.Nodes.Single(n => n.Byzantine is not null);
        var chain = ((LedgerSimChain)run.Nodes.First(n => n.IsHonest).Application).Chain;
        var punishedAt = Enumerable.Range(1, (int)chain.Height)
            .First(h => chain.GetBlock((ulong)h)!.Evidence.Any(e => e.ValidatorAddress == byzantine.Address));

        // Changes made by block H take effect at H + 2: still a validator at H + 1, jailed from H + 2 on.
        Assert.True(chain.GetValidatorSet((ulong)punishedAt + 1)!.Contains(byzantine.Address));
        Assert.False(chain.GetValidatorSet((ulong)punishedAt + 2)!.Contains(byzantine.Address));
        Assert.Equal(3, chain.GetValidatorSet(chain.Height)!.Count);

        // Consensus followed the change: the honest engines run without the jailed validator.
        Assert.All(run.Nodes.Where(n => n.IsHonest), n => Assert.Equal(3, n.Engine!.Validators.Count));
    }

    [Fact]
    public void Honest_ledger_cluster_commits_transactions_through_crashes()
    {
        var scenario = Scenarios.N4F1Ledger with { ByzantineCount = 0, Crashes = 3 };
        var result = SimRun.Execute(scenario, 17);
        Assert.True(result.Passed, result.ToString());
        Assert.True(result.Stats.Crashes >= 1 && result.Stats.Transactions > 50, result.ToString());
    }
}
