using DaiChain.Consensus.Core;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Timing;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Tests.Timing;

public class TimeoutScheduleTests
{
    [Fact]
    public void Timeouts_grow_linearly_with_the_round()
    {
        var schedule = new TimeoutSchedule { ProposeBase = TimeSpan.FromSeconds(1), ProposeDelta = TimeSpan.FromMilliseconds(500) };
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.Duration(TimeoutKind.Propose, 0));
        Assert.Equal(TimeSpan.FromSeconds(3), schedule.Duration(TimeoutKind.Propose, 4));
    }

    [Fact]
    public void Timeouts_are_capped()
    {
        var schedule = TimeoutSchedule.Default;
        Assert.Equal(schedule.Max, schedule.Duration(TimeoutKind.Precommit, int.MaxValue));
    }

    [Fact]
    public void Schedule_and_options_follow_the_genesis_parameters()
    {
        var parameters = new ConsensusParams { ProposeTimeoutMs = 2000, ProposeTimeoutDeltaMs = 100, PrecommitTimeoutMs = 700, CommitTimeoutMs = 50, MaxBlockEvidence = 3 };
        var options = ConsensusOptions.ForChain("daichain-test", parameters);
        Assert.Equal(TimeSpan.FromMilliseconds(2300), options.Timeouts.Duration(TimeoutKind.Propose, 3));
        Assert.Equal(TimeSpan.FromMilliseconds(700), options.Timeouts.Duration(TimeoutKind.Precommit, 0));
        Assert.Equal((TimeSpan.FromMilliseconds(50), 3), (options.CommitTimeout, options.MaxEvidencePerBlock));
        Assert.Equal(TimeSpan.FromMilliseconds(ConsensusParams.Default.ProposeTimeoutMs), TimeoutSchedule.Default.ProposeBase);
    }
}
