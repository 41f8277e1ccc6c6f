using System.Net;
using System.Net.WebSockets;
using System.Text.Json.Nodes;
using DaiChain.Node.Rpc.Subscriptions;

namespace DaiChain.Node.Tests.Rpc;

/// <remarks>Each test has its own server, because connection and subscription counts are server-wide.</remarks>
public sealed class WebSocketTests
{
    private const string Alice = "0x00000000000000000000000000000000000000aa";
    private const string Bob = "0x00000000000000000000000000000000000000bb";

    [Fact]
    public async Task Serves_ordinary_calls_and_batches_over_the_socket()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();

        var single = await ws.CallAsync(1, "test_add", "[2,3]");
        await ws.SendAsync("""[{"jsonrpc":"2.0","id":2,"method":"test_echo","params":["a"]},{"jsonrpc":"2.0","method":"test_add","params":[1,1]}]""");
        var batch = await ws.ReceiveAsync();
        await ws.SendAsync("{nope");
        var malformed = await ws.ReceiveAsync();

        Assert.Equal(5, single.GetProperty("result").GetInt64());
        Assert.Equal(1, batch!.Value.GetArrayLength());
        Assert.Equal("a", batch.Value[0].GetProperty("result").GetProperty("echo").GetString());
        Assert.Equal("parse_error", JsonRpcHttpTests.Reason(malformed!.Value));
    }

    [Fact]
    public async Task Delivers_published_events_to_subscribers_of_the_topic()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();
        var subscribed = await ws.CallAsync(1, "subscribe", """{"topic":"newBlocks"}""");
        var id = subscribed.GetProperty("result").GetString();

        rpc.Events.Publish(RpcTopics.NewBlocks.Name, null, new BlockEvent(5, "0x05"), TestJson.Default.BlockEvent);
        rpc.Events.Publish(RpcTopics.NewBlocks.Name, null, new JsonObject { ["height"] = 6 });
        var first = (await ws.ReceiveAsync())!.Value;
        var second = (await ws.ReceiveAsync())!.Value;

        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("2.0", first.GetProperty("jsonrpc").GetString());
        Assert.Equal("subscription", first.GetProperty("method").GetString());
        Assert.False(first.TryGetProperty("id", out _));
        Assert.Equal(id, first.GetProperty("params").GetProperty("subscription").GetString());
        Assert.Equal("newBlocks", first.GetProperty("params").GetProperty("topic").GetString());
        Assert.Equal(5, first.GetProperty("params").GetProperty("result").GetProperty("height").GetInt64());
        Assert.Equal("0x05", first.GetProperty("params").GetProperty("result").GetProperty("hash").GetString());
        Assert.Equal(6, second.GetProperty("params").GetProperty("result").GetProperty("height").GetInt64());
    }

    [Fact]
    public async Task Filters_account_transactions_by_address_in_any_case()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();
        var subscribed = await ws.CallAsync(1, "subscribe", $$"""{"topic":"accountTransactions","address":"{{Alice.ToUpperInvariant().Replace("0X", "0x", StringComparison.Ordinal)}}"}""");
        Assert.True(subscribed.TryGetProperty("result", out _), subscribed.GetRawText());

        rpc.Events.Publish(RpcTopics.AccountTransactions.Name, Bob, new JsonObject { ["tx"] = "for bob" });
        rpc.Events.Publish(RpcTopics.AccountTransactions.Name, Alice, new JsonObject { ["tx"] = "for alice" });
        var received = (await ws.ReceiveAsync())!.Value;

        Assert.Equal("for alice", received.GetProperty("params").GetProperty("result").GetProperty("tx").GetString());
    }

    [Fact]
    public async Task Checks_the_subscription_filter()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();

        var missing = await ws.CallAsync(1, "subscribe", """{"topic":"accountTransactions"}""");
        var malformed = await ws.CallAsync(2, "subscribe", """{"topic":"accountTransactions","address":"0x12"}""");
        var foreign = await ws.CallAsync(3, "subscribe", """{"topic":"newBlocks","model":"m1"}""");
        var unknownTopic = await ws.CallAsync(4, "subscribe", """{"topic":"newBlock"}""");

        Assert.Equal("params.address: required for topic accountTransactions", JsonRpcHttpTests.Message(missing));
        Assert.StartsWith("params.address: expected a string matching", JsonRpcHttpTests.Message(malformed), StringComparison.Ordinal);
        Assert.Equal("params.model: topic newBlocks takes no filter", JsonRpcHttpTests.Message(foreign));
        Assert.StartsWith("params.topic: expected one of \"newBlocks\"", JsonRpcHttpTests.Message(unknownTopic), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stops_delivering_after_unsubscribe()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();
        var blocks = (await ws.CallAsync(1, "subscribe", """{"topic":"newBlocks"}""")).GetProperty("result").GetString();
        await ws.CallAsync(2, "subscribe", """{"topic":"registryEvents"}""");

        var removed = await ws.CallAsync(3, "unsubscribe", $$"""["{{blocks}}"]""");
        var again = await ws.CallAsync(4, "unsubscribe", $$"""["{{blocks}}"]""");
        rpc.Events.Publish(RpcTopics.NewBlocks.Name, null, new JsonObject { ["height"] = 1 });
        rpc.Events.Publish(RpcTopics.RegistryEvents.Name, "model-1", new JsonObject { ["event"] = "versionRegistered" });
        var received = (await ws.ReceiveAsync())!.Value;

        Assert.True(removed.GetProperty("result").GetBoolean());
        Assert.False(again.GetProperty("result").GetBoolean());
        Assert.Equal("registryEvents", received.GetProperty("params").GetProperty("topic").GetString());
    }

    [Fact]
    public async Task Bounds_subscriptions_per_connection_and_frees_them_on_close()
    {
        await using var rpc = await StartAsync();
        using (var ws = await rpc.ConnectAsync())
        {
            for (var i = 1; i <= 3; i++)
            {
                Assert.True((await ws.CallAsync(i, "subscribe", """{"topic":"newBlocks"}""")).TryGetProperty("result", out _));
            }

            var fourth = await ws.CallAsync(4, "subscribe", """{"topic":"newBlocks"}""");

            Assert.Equal(-32006, JsonRpcHttpTests.Code(fourth));
            Assert.Equal("too_many_subscriptions", JsonRpcHttpTests.Reason(fourth));
            Assert.Equal(3, rpc.Events.SubscriptionCount);
            await ws.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        // The server drops a connection's subscriptions before it answers the close handshake.
        Assert.Equal(0, rpc.Events.SubscriptionCount);
    }

    [Fact]
    public async Task Refuses_connections_beyond_the_limit_with_503()
    {
        await using var rpc = await StartAsync();
        var open = new List<TestWebSocket>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                open.Add(await rpc.ConnectAsync());
            }

            var refused = await Assert.ThrowsAsync<WebSocketException>(rpc.ConnectAsync);

            Assert.Contains("503", refused.Message, StringComparison.Ordinal);
        }
        finally
        {
            open.ForEach(ws => ws.Dispose());
        }
    }

    [Fact]
    public async Task Closes_the_connection_on_a_message_over_the_size_limit()
    {
        await using var rpc = await StartAsync();
        using var ws = await rpc.ConnectAsync();

        await ws.SendAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":["{{new string('x', 3000)}}"]}""");
        var error = (await ws.ReceiveAsync())!.Value;
        var end = await ws.ReceiveAsync();

        Assert.Equal("body_too_large", JsonRpcHttpTests.Reason(error));
        Assert.Null(end);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, ws.Socket.CloseStatus);
    }

    [Fact]
    public async Task Answers_plain_http_on_the_websocket_path_with_guidance()
    {
        await using var rpc = await StartAsync();
        using var response = await rpc.Http.GetAsync("/ws");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("connect with a WebSocket client", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closes_a_subscriber_that_does_not_keep_up()
    {
        await using var rpc = await RpcTestServer.StartAsync(o => new() { Port = 0, WebSocketSendQueueLength = 2, RequestsPerSecondPerClient = 0 });
        using var ws = await rpc.ConnectAsync();
        Assert.True((await ws.CallAsync(1, "subscribe", """{"topic":"newBlocks"}""")).TryGetProperty("result", out _));
        var payload = new JsonObject { ["filler"] = new string('x', 64 * 1024) };

        // The client reads nothing: socket buffers fill, then the two-message queue, then the server gives up.
        var published = 0;
        while (rpc.Events.SubscriptionCount > 0 && published < 10_000)
        {
            rpc.Events.Publish(RpcTopics.NewBlocks.Name, null, payload);
            published++;
            await Task.Yield();
        }

        var delivered = 0;
        while (await ws.ReceiveAsync() is not null)
        {
            delivered++;
        }

        Assert.True(rpc.Events.SubscriptionCount == 0, $"still subscribed after {published} events");
        Assert.InRange(delivered, 1, published - 1);
        Assert.Equal(WebSocketCloseStatus.PolicyViolation, ws.Socket.CloseStatus);
        Assert.Contains("subscriber too slow", ws.Socket.CloseStatusDescription, StringComparison.Ordinal);
        Assert.Contains("daichain_rpc_slow_subscribers_disconnected_total 1", rpc.Metrics.Expose(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Closes_sockets_with_going_away_when_the_server_stops()
    {
        var rpc = await RpcTestServer.StartAsync();
        using var ws = await rpc.ConnectAsync();
        await ws.CallAsync(1, "subscribe", """{"topic":"newBlocks"}""");

        var receiving = ws.ReceiveAsync();
        var stopping = rpc.DisposeAsync().AsTask();
        var end = await receiving;
        await ws.Socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await stopping;

        Assert.Null(end);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, ws.Socket.CloseStatus);
        Assert.Equal(0, rpc.Events.SubscriptionCount);
    }

    private static Task<RpcTestServer> StartAsync() =>
        RpcTestServer.StartAsync(o => new()
        {
            Port = 0,
            MaxSubscriptionsPerConnection = 3,
            MaxWebSocketConnections = 3,
            MaxBodyBytes = 2048,
            RequestsPerSecondPerClient = 0,
        });
}
