using DaiChain.Node.P2P;
using DaiChain.TestKit;

namespace DaiChain.Node.Tests.P2P;

public class BanListTests
{
    private static PeerId Id(byte b) => new([0x02, .. Enumerable.Repeat(b, 32)]);

    [Fact]
    public void A_ban_holds_until_its_expiry_on_the_injected_clock()
    {
        var clock = new ManualTimeProvider();
        var bans = new BanList(clock, maxEntries: 10);
        bans.Ban(Id(1), TimeSpan.FromMinutes(10));

        clock.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromTicks(1));
        Assert.True(bans.IsBanned(Id(1), out _));
        clock.Advance(TimeSpan.FromTicks(1));
        Assert.False(bans.IsBanned(Id(1), out _));
        Assert.Equal(0, bans.Count);
    }

    [Fact]
    public void A_shorter_ban_does_not_shorten_a_longer_one()
    {
        var clock = new ManualTimeProvider();
        var bans = new BanList(clock, maxEntries: 10);
        var until = bans.Ban(Id(1), TimeSpan.FromHours(1));

        Assert.Equal(until, bans.Ban(Id(1), TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void The_list_is_bounded_and_forgets_the_ban_closest_to_expiry()
    {
        var clock = new ManualTimeProvider();
        var bans = new BanList(clock, maxEntries: 2);
        bans.Ban(Id(1), TimeSpan.FromMinutes(5));
        bans.Ban(Id(2), TimeSpan.FromMinutes(50));
        bans.Ban(Id(3), TimeSpan.FromMinutes(20));

        Assert.Equal(2, bans.Count);
        Assert.False(bans.IsBanned(Id(1), out _));
        Assert.True(bans.IsBanned(Id(2), out _));
        Assert.True(bans.IsBanned(Id(3), out _));
    }
}
