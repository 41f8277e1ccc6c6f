using DaiChain.Consensus.Staking;

namespace DaiChain.Consensus.Tests.Staking;

public class CommitteeTests
{
    [Theory]
    [InlineData(4, 2, false)]
    [InlineData(4, 3, true)]
    [InlineData(3, 2, false)]
    [InlineData(3, 3, true)]
    [InlineData(6, 4, false)]
    [InlineData(6, 5, true)]
    public void Quorum_is_strictly_more_than_two_thirds(long total, long power, bool quorum)
    {
        var committee = TestCommittees.WithPowers(total);
        Assert.Equal(quorum, committee.IsQuorum(power));
    }

    [Theory]
    [InlineData(4, 1, false)]
    [InlineData(4, 2, true)]
    [InlineData(3, 1, false)]
    [InlineData(7, 3, true)]
    public void One_third_is_strictly_more_than_a_third(long total, long power, bool oneThird)
    {
        Assert.Equal(oneThird, TestCommittees.WithPowers(total).IsOneThird(power));
    }

    [Fact]
    public void Rejects_empty_duplicate_nonpositive_and_oversized_committees()
    {
        Assert.Throws<ArgumentException>(() => new Committee([]));
        Assert.Throws<ArgumentException>(() => new Committee([new CommitteeMember(TestCommittees.AddressOf(0), 1), new CommitteeMember(TestCommittees.AddressOf(0), 1)]));
        Assert.Throws<ArgumentException>(() => TestCommittees.WithPowers(1, 0));
        Assert.Throws<ArgumentException>(() => TestCommittees.WithPowers(Committee.MaxTotalPower, 1));
    }

    [Fact]
    public void Index_of_finds_members_by_address()
    {
        var committee = TestCommittees.Equal(3);
        Assert.Equal(2, committee.IndexOf(TestCommittees.AddressOf(2)));
        Assert.Equal(-1, committee.IndexOf(TestCommittees.AddressOf(9)));
    }
}
