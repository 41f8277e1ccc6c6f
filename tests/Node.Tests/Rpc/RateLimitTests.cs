using System.Net;
using DaiChain.Node.Rpc.RateLimiting;

namespace DaiChain.Node.Tests.Rpc;

public sealed class RateLimitTests
{
    private static readonly IPAddress Client = IPAddress.Parse("192.0.2.1");

    [Fact]
    public async Task Answers_429_with_retry_after_once_a_client_spends_its_burst()
    {
        var clock = new ManualClock();
        await using var rpc = await RpcTestServer.StartAsync(o => new() { Port = 0, RequestsPerSecondPerClient = 2, RequestBurstPerClient = 3, MaxBatchSize = 3 }, clock);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(2, (await rpc.CallAsync("test_add", "[1,1]")).GetProperty("result").GetInt64());
        }

        var limited = await rpc.PostAsync("""{"jsonrpc":"2.0","id":4,"method":"test_add","params":[1,1]}""");
        clock.Advance(TimeSpan.FromSeconds(0.5));
        var afterRefill = await rpc.CallAsync("test_add", "[1,1]");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.Status);
        Assert.Equal("1", limited.Headers.RetryAfter!.ToString());
        Assert.Equal(4, limited.Json.GetProperty("id").GetInt32());
        Assert.Equal(-32001, JsonRpcHttpTests.Code(limited.Json));
        Assert.Equal("rate_limited", JsonRpcHttpTests.Reason(limited.Json));
        Assert.Equal(500, limited.Json.GetProperty("error").GetProperty("data").GetProperty("retryAfterMs").GetInt64());
        Assert.Equal(2, afterRefill.GetProperty("result").GetInt64());
    }

    [Fact]
    public async Task Charges_a_batch_one_token_per_request_and_answers_each_id()
    {
        var clock = new ManualClock();
        await using var rpc = await RpcTestServer.StartAsync(o => new() { Port = 0, RequestsPerSecondPerClient = 1, RequestBurstPerClient = 3, MaxBatchSize = 3 }, clock);
        const string Batch = """[{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]},{"jsonrpc":"2.0","id":2,"method":"test_add","params":[1,1]}]""";

        var first = await rpc.PostAsync(Batch);
        var second = await rpc.PostAsync(Batch);

        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.Status);
        Assert.Equal(new[] { 1, 2 }, second.Json.EnumerateArray().Select(r => r.GetProperty("id").GetInt32()));
        Assert.All(second.Json.EnumerateArray(), r => Assert.Equal("rate_limited", JsonRpcHttpTests.Reason(r)));
    }

    [Fact]
    public async Task Keeps_the_batch_shape_and_the_silence_of_notifications_when_refusing()
    {
        await using var rpc = await RpcTestServer.StartAsync(o => new() { Port = 0, RequestsPerSecondPerClient = 1, RequestBurstPerClient = 1, MaxBatchSize = 1 }, new ManualClock());
        await rpc.CallAsync("test_add", "[1,1]");

        var batchOfOne = await rpc.PostAsync("""[{"jsonrpc":"2.0","id":9,"method":"test_add","params":[1,1]}]""");
        var notification = await rpc.PostAsync("""{"jsonrpc":"2.0","method":"test_add","params":[1,1]}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, batchOfOne.Status);
        Assert.Equal(9, Assert.Single(batchOfOne.Json.EnumerateArray()).GetProperty("id").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, notification.Status);
        Assert.Equal(string.Empty, notification.Body);
        Assert.NotNull(notification.Headers.RetryAfter);
    }

    [Fact]
    public void Refills_at_the_configured_rate_up_to_the_burst()
    {
        var clock = new ManualClock();
        var limiter = new ClientRateLimiter(ratePerSecond: 10, burst: 5, maxClients: 100, clock);

        Assert.True(limiter.TryAcquire(Client, 5, out _));
        Assert.False(limiter.TryAcquire(Client, 1, out var retry));
        Assert.Equal(TimeSpan.FromMilliseconds(100), retry);
        clock.Advance(TimeSpan.FromSeconds(0.3));
        Assert.True(limiter.TryAcquire(Client, 3, out _));
        Assert.False(limiter.TryAcquire(Client, 1, out _));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(limiter.TryAcquire(Client, 5, out _));
        Assert.False(limiter.TryAcquire(Client, 1, out _));
    }

    [Fact]
    public void Keeps_clients_apart_but_treats_an_ipv6_slash_64_as_one_client()
    {
        var limiter = new ClientRateLimiter(1, 1, 100, new ManualClock());

        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.1"), 1, out _));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.2"), 1, out _));
        Assert.False(limiter.TryAcquire(IPAddress.Parse("::ffff:192.0.2.1"), 1, out _));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("2001:db8:1:2::1"), 1, out _));
        Assert.False(limiter.TryAcquire(IPAddress.Parse("2001:db8:1:2:ffff::9"), 1, out _));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("2001:db8:1:3::1"), 1, out _));
    }

    [Fact]
    public void Bounds_the_number_of_tracked_clients()
    {
        var clock = new ManualClock();
        var limiter = new ClientRateLimiter(1, 2, maxClients: 3, clock);
        for (var i = 1; i <= 3; i++)
        {
            Assert.True(limiter.TryAcquire(IPAddress.Parse($"192.0.2.{i}"), 2, out _));
        }

        // The table is full of drained buckets: newcomers share one overflow bucket.
        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.100"), 2, out _));
        Assert.False(limiter.TryAcquire(IPAddress.Parse("192.0.2.101"), 1, out _));
        Assert.Equal(3, limiter.TrackedClients);

        // Once buckets have refilled they are the same as new ones and make room.
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.True(limiter.TryAcquire(IPAddress.Parse("192.0.2.102"), 1, out _));
        Assert.Equal(1, limiter.TrackedClients);
    }

    [Fact]
    public void Lets_everything_through_when_turned_off()
    {
        var limiter = new ClientRateLimiter(0, 1, 1, new ManualClock());

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(limiter.TryAcquire(Client, 10, out TimeSpan _)));
    }
}
