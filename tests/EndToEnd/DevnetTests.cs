using System.Net.Sockets;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.LocalNet;
using DaiChain.Node.RpcClient;
using DaiChain.TestKit;

namespace DaiChain.EndToEnd.Tests;

/// <summary>
/// Four validators and one audit node as separate processes on loopback: they agree, carry transactions, keep
/// strangers out, and shrug off garbage. Checked only through JSON-RPC.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class DevnetTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Four_validators_and_an_audit_node_reach_height_20_with_identical_block_hashes()
    {
        await Cluster.WaitForHeightAsync(Cluster.Nodes, 20, Timeout);

        for (ulong height = 1; height <= 20; height++)
        {
            var hashes = new List<string>();
            foreach (var node in Cluster.Nodes)
            {
                var header = await node.HeaderAsync(height);
                hashes.Add(header!["hash"]!.GetValue<string>());
            }

            Assert.True(hashes.Distinct().Count() == 1, $"block {height} differs between nodes: {string.Join(", ", hashes)}");
        }

        var status = await Cluster.Auditor.StatusAsync();
        Assert.Equal("audit", status["mode"]!.GetValue<string>());
        Assert.Equal(4, status["peers"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_transaction_sent_to_one_validator_is_committed_and_visible_on_every_node()
    {
        using var sender = Devnet.AccountKey(1);
        using var recipient = Ledger.Crypto.PrivateKey.FromSeed("e2e-recipient", 1);
        var validator = Cluster["validator-2"];
        var account = (JsonObject)(await validator.Rpc.CallAsync("account_get", new JsonObject { ["address"] = sender.Address.ToString() }))!;
        var transaction = Transfers.Sign(sender, account["nonce"]!.GetValue<ulong>(), recipient.Address, 1234);

        var result = (JsonObject)(await validator.Rpc.CallAsync("tx_submit", Transfers.SubmitParams(transaction, wait: true)))!;

        Assert.Equal("committed", result["status"]!.GetValue<string>());
        Assert.True(result["success"]!.GetValue<bool>());
        var height = result["height"]!.GetValue<ulong>();
        foreach (var node in Cluster.Nodes)
        {
            var seen = await Eventually.Get(
                async () => await node.Rpc.CallAsync("tx_get", new JsonObject { ["hash"] = Transfers.HashOf(transaction) }) as JsonObject,
                $"{node.Name} to have the transaction",
                Timeout);
            Assert.Equal(height, seen["height"]!.GetValue<ulong>());
            Assert.True(seen["receipt"]!["success"]!.GetValue<bool>());
            var balance = (JsonObject)(await node.Rpc.CallAsync("account_get", new JsonObject { ["address"] = recipient.Address.ToString(), ["height"] = height }))!;
            Assert.Equal(1234UL, balance["balance"]!.GetValue<ulong>());
        }
    }

    [Fact]
    public async Task The_audit_node_refuses_tx_submit()
    {
        using var sender = Devnet.AccountKey(2);
        var transaction = Transfers.Sign(sender, 0, sender.Address, 1);

        var error = await Assert.ThrowsAsync<JsonRpcCallException>(() => Cluster.Auditor.Rpc.CallAsync("tx_submit", Transfers.SubmitParams(transaction, wait: false)));

        Assert.Equal(-32000, error.Code);
        Assert.Equal("read_only", error.Reason);
        await Assert.ThrowsAsync<JsonRpcCallException>(() => Cluster.Auditor.Rpc.CallAsync("tx_get", new JsonObject { ["hash"] = Transfers.HashOf(transaction) }));
    }

    [Fact]
    public async Task A_node_whose_key_is_not_in_the_registry_cannot_connect()
    {
        using var directory = new TemporaryDirectory();
        var key = directory.Combine("stranger.key");
        await Daichain.RunOkAsync(["keys", "new", "--out", key, "--password-env", DevnetLayout.PasswordVariable], Cluster.Environment);
        var validator = Cluster["validator-0"];
        var validatorId = (await validator.StatusAsync())["nodeId"]!.GetValue<string>()[2..];
        var rpc = FreePorts.Run(1);
        var p2p = FreePorts.Run(1);
        var home = directory.Combine("home");
        await Daichain.RunOkAsync([
            "init", "--home", home, "--genesis", Cluster.GenesisFile, "--node-key", key, "--mode", "full",
            "--p2p", $"127.0.0.1:{p2p}", "--rpc", $"127.0.0.1:{rpc}", "--peers", $"{validatorId}@127.0.0.1:{validator.P2PPort}",
            "--password-env", DevnetLayout.PasswordVariable]);
        var stranger = new ClusterNode("stranger", home, rpc, p2p);
        stranger.Process = NodeProcess.Start([.. Daichain.Command, "run", "--home", home], stranger.LogFile, Cluster.Environment);
        try
        {
            var status = await Eventually.Get(async () => await stranger.StatusAsync(), "the stranger's RPC", Timeout);
            var strangerId = status["nodeId"]!.GetValue<string>();

            // It keeps dialing validator-0 (a persistent peer) with backoff; for three seconds nothing gets through.
            for (var i = 0; i < 15; i++)
            {
                await Task.Delay(200);
                Assert.Equal(0, (await stranger.StatusAsync())["peers"]!.GetValue<int>());
                var peers = (JsonArray)(await validator.Rpc.CallAsync("node_peers"))!;
                Assert.DoesNotContain(peers, p => p!["nodeId"]!.GetValue<string>() == strangerId);
            }

            Assert.Equal(0UL, await stranger.HeightAsync());
        }
        finally
        {
            await stranger.Process.StopAsync(TimeSpan.FromSeconds(15));
            stranger.Dispose();
        }
    }

    [Fact]
    public async Task A_raw_socket_sending_garbage_frames_is_dropped_and_the_node_keeps_running()
    {
        var validator = Cluster["validator-1"];
        var before = await validator.HeightAsync();

        // Plain garbage, then a DaiChain hello prefix followed by garbage: both connections are closed by the node.
        byte[][] attacks = [Enumerable.Range(0, 4096).Select(i => (byte)(i * 31)).ToArray(), [0x44, 0x43, 0x50, 0x32, 0x01, 0x0f, .. Enumerable.Repeat((byte)0xAB, 2048)]];
        foreach (var attack in attacks)
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", validator.P2PPort);
            var stream = client.GetStream();
            try
            {
                await stream.WriteAsync(attack);
            }
            catch (IOException)
            {
                // Already dropped.
            }

            Assert.True(await IsClosedByPeerAsync(stream, TimeSpan.FromSeconds(10)), "the node kept a connection that sent garbage");
        }

        await Cluster.WaitForHeightAsync([validator], before + 3, Timeout);
        Assert.Equal(4, (await validator.StatusAsync())["peers"]!.GetValue<int>());
    }

    private static async Task<bool> IsClosedByPeerAsync(NetworkStream stream, TimeSpan timeout)
    {
        var buffer = new byte[4096];
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (await stream.ReadAsync(buffer, cancel.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (IOException)
        {
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
