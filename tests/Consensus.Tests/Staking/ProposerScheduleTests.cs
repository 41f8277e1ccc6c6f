using DaiChain.Consensus.Staking;

namespace DaiChain.Consensus.Tests.Staking;

public class ProposerScheduleTests
{
    private static List<int> Sequence(ProposerSchedule schedule, int rounds)
    {
        var cursor = new ProposerCursor(schedule);
        return [.. Enumerable.Range(0, rounds).Select(cursor.ProposerOf)];
    }

    [Fact]
    public void Powers_one_and_three_rotate_as_in_the_cometbft_specification()
    {
        // proposer-selection.md, "Requirement Fulfillment Claims": VP(p1) = 1, VP(p2) = 3 gives p2, p1, p2, p2, ...
        var schedule = ProposerSchedule.Genesis(TestCommittees.WithPowers(1, 3));
        Assert.Equal([1, 0, 1, 1, 1, 0, 1, 1], Sequence(schedule, 8));
    }

    [Theory]
    [InlineData(new long[] { 1, 1, 1, 1 })]
    [InlineData(new long[] { 10, 1, 1, 1 })]
    [InlineData(new long[] { 3, 1, 4, 1, 5, 9, 2 })]
    [InlineData(new long[] { 100, 250, 7 })]
    public void Each_member_proposes_as_often_as_its_power_in_any_window_of_total_power(long[] powers)
    {
        var committee = TestCommittees.WithPowers(powers);
        var total = (int)committee.TotalPower;
        var sequence = Sequence(ProposerSchedule.Genesis(committee), total * 3);
        for (var start = 0; start + total <= sequence.Count; start += total)
        {
            var window = sequence.Skip(start).Take(total).ToList();
            for (var i = 0; i < powers.Length; i++)
            {
                Assert.Equal(powers[i], window.Count(p => p == i));
            }
        }
    }

    [Fact]
    public void Proposer_of_a_round_equals_the_cursor_and_repeated_calls_agree()
    {
        var schedule = ProposerSchedule.Genesis(TestCommittees.WithPowers(3, 1, 4, 1, 5));
        var cursor = new ProposerCursor(schedule);
        for (var round = 0; round < 40; round++)
        {
            Assert.Equal(cursor.ProposerOf(round), schedule.ProposerOf(round));
        }

        Assert.Equal(cursor.ProposerOf(7), cursor.ProposerOf(7));
    }

    [Fact]
    public void Equal_powers_tie_break_to_the_lower_address()
    {
        Assert.Equal(0, ProposerSchedule.Genesis(TestCommittees.Equal(4)).Proposer);
        Assert.Equal([0, 1, 2, 3, 0, 1, 2, 3], Sequence(ProposerSchedule.Genesis(TestCommittees.Equal(4)), 8));
    }

    [Fact]
    public void Next_height_advances_one_run_regardless_of_rounds()
    {
        var committee = TestCommittees.Equal(4);
        var genesis = ProposerSchedule.Genesis(committee);
        var next = genesis.NextHeight(committee);
        Assert.Equal(genesis.ProposerOf(1), next.Proposer);
        Assert.Equal(genesis.ProposerOf(2), next.NextHeight(committee).Proposer);
    }

    [Fact]
    public void Joining_member_starts_behind_and_priorities_stay_centred_and_bounded()
    {
        var three = TestCommittees.WithPowers(1, 3, 8);
        var schedule = ProposerSchedule.Genesis(TestCommittees.WithPowers(1, 3));
        schedule = schedule.NextHeight(three);
        Assert.True(schedule.Priorities[2] < 0, "a joining member starts at about -1.125 P");
        for (var height = 0; height < 200; height++)
        {
            schedule = schedule.NextHeight(height % 7 == 3 ? TestCommittees.WithPowers(1, 3) : three);
            var sum = schedule.Priorities.Sum();
            Assert.InRange(sum, -schedule.Committee.Count - schedule.Committee.TotalPower, schedule.Committee.Count + schedule.Committee.TotalPower);
            Assert.True(schedule.Priorities.Max() - schedule.Priorities.Min() <= 3 * schedule.Committee.TotalPower);
        }
    }

    [Fact]
    public void Leaving_member_is_dropped_and_the_rest_keep_their_order()
    {
        var four = TestCommittees.Equal(4);
        var schedule = ProposerSchedule.Genesis(four).NextHeight(four);
        var three = new Committee(four.Members.Where((_, i) => i != 2));
        var next = schedule.NextHeight(three);
        Assert.Equal(3, next.Priorities.Length);
        Assert.NotEqual(-1, next.Proposer);
    }

    [Fact]
    public void Huge_powers_do_not_overflow()
    {
        var big = Committee.MaxTotalPower / 3;
        var committee = TestCommittees.WithPowers(big, big, big);
        var schedule = ProposerSchedule.Genesis(committee);
        for (var i = 0; i < 50; i++)
        {
            schedule = schedule.NextHeight(i % 2 == 0 ? committee : TestCommittees.WithPowers(big, 1, big));
        }

        Assert.InRange(schedule.Proposer, 0, 2);
    }

    [Fact]
    public void Restored_schedule_equals_the_original()
    {
        var schedule = ProposerSchedule.Genesis(TestCommittees.WithPowers(2, 5, 1)).NextHeight(TestCommittees.WithPowers(2, 5, 1));
        var restored = ProposerSchedule.Restore(schedule.Committee, schedule.Priorities, schedule.Proposer);
        Assert.Equal(Sequence(schedule, 20), Sequence(restored, 20));
    }
}
