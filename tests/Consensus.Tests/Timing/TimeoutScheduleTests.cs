using DaiChain.Consensus.Core;
using DaiChain.Consensus.Timing;

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
}
