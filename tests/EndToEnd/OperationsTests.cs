using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Genesis;

namespace DaiChain.EndToEnd.Tests;

/// <summary>What operators and clients watch: subscriptions, /metrics and /health on a running devnet.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class OperationsTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task A_subscriber_to_an_account_is_told_of_its_committed_transfer_and_of_new_blocks()
    {
        using var sender = Devnet.AccountKey(3);
        using var recipient = Ledger.Crypto.PrivateKey.FromSeed("e2e-subscriber", 0);
        var node = Cluster.Auditor;
        using var socket = new ClientWebSocket();
        using var cancel = new CancellationTokenSource(Timeout);
        await socket.ConnectAsync(new Uri($"ws://127.0.0.1:{node.RpcPort}/ws"), cancel.Token);
        await SendAsync(socket, $"{{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"subscribe\",\"params\":{{\"topic\":\"accountTransactions\",\"address\":\"{recipient.Address}\"}}}}", cancel.Token);
        await SendAsync(socket, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"subscribe\",\"params\":{\"topic\":\"newBlocks\"}}", cancel.Token);

        var validator = Cluster["validator-1"];
        var account = (JsonObject)(await validator.Rpc.CallAsync("account_get", new JsonObject { ["address"] = sender.Address.ToString() }))!;
        var transaction = Transfers.Sign(sender, account["nonce"]!.GetValue<ulong>(), recipient.Address, 77);
        await validator.Rpc.CallAsync("tx_submit", Transfers.SubmitParams(transaction, wait: false));

        var sawBlock = false;
        JsonObject? sawTransfer = null;
        while (sawTransfer is null || !sawBlock)
        {
            var message = JsonNode.Parse(await ReceiveAsync(socket, cancel.Token))!.AsObject();
            if (message["params"] is not JsonObject notification)
            {
                continue;
            }

            var topic = notification["topic"]!.GetValue<string>();
            sawBlock |= topic == "newBlocks" && notification["result"]!["height"]!.GetValue<ulong>() > 0;
            if (topic == "accountTransactions")
            {
                sawTransfer = notification["result"]!.AsObject();
            }
        }

        Assert.Equal(Transfers.HashOf(transaction), sawTransfer["hash"]!.GetValue<string>());
        Assert.Equal(77UL, sawTransfer["transfer"]!["amount"]!.GetValue<ulong>());
        Assert.True(sawTransfer["receipt"]!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Metrics_and_health_describe_a_running_validator()
    {
        var node = Cluster["validator-0"];
        await Cluster.WaitForHeightAsync([node], 3, Timeout);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };

        var metrics = await http.GetStringAsync($"http://127.0.0.1:{node.RpcPort}/metrics");
        var health = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{node.RpcPort}/health"))!;

        foreach (var name in new[]
        {
            "daichain_chain_height ", "daichain_consensus_round ", "daichain_block_interval_seconds_count ", "daichain_transactions_committed_total ",
            "daichain_mempool_transactions ", "daichain_p2p_peers 4", "daichain_consensus_step_duration_seconds_count{step=\"prevote\"}",
            "daichain_p2p_channel_bytes_total{channel=\"consensus\",direction=\"sent\"}", "daichain_sync_syncing 0",
        })
        {
            Assert.Contains(name, metrics, StringComparison.Ordinal);
        }

        Assert.Equal("healthy", health["status"]!.GetValue<string>());
        Assert.Equal("validator", health["facts"]!["mode"]!.GetValue<string>());
    }

    private static Task SendAsync(ClientWebSocket socket, string text, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[1 << 20];
        var length = 0;
        ValueWebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            length += result.Count;
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(buffer, 0, length);
    }
}
