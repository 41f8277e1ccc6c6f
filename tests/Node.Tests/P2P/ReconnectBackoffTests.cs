using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

public class ReconnectBackoffTests
{
    [Fact]
    public void Delays_double_within_the_upper_half_and_stop_at_the_cap()
    {
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(42));

        for (var attempt = 0; attempt < 80; attempt++)
        {
            var ceiling = Math.Min(5000, 100 * Math.Pow(2, attempt));
            var delay = backoff.Delay(attempt).TotalMilliseconds;
            Assert.InRange(delay, ceiling / 2, ceiling);
        }
    }

    [Fact]
    public void The_same_seed_gives_the_same_delays()
    {
        var a = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(7));
        var b = new ReconnectBackoff(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(5), new Random(7));

        Assert.Equal(Enumerable.Range(0, 10).Select(a.Delay), Enumerable.Range(0, 10).Select(b.Delay));
    }

    [Fact]
    public void Jitter_spreads_nodes_that_fail_at_once()
    {
        var delays = Enumerable.Range(0, 20)
            .Select(seed => new ReconnectBackoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), new Random(seed)).Delay(3))
            .Distinct()
            .Count();

        Assert.True(delays > 15, $"only {delays} distinct delays from 20 seeds");
    }
}
