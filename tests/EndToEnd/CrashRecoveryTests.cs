using System.Text.Json.Nodes;
using DaiChain.Ledger.Genesis;

namespace DaiChain.EndToEnd.Tests;

/// <summary>A validator is SIGKILLed while transactions flow; the others go on; it restarts and catches up; nothing is lost or doubled.</summary>
[Collection(EndToEndCollection.Name)]
public sealed class CrashRecoveryTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_killed_validator_does_not_stop_the_chain_and_catches_up_after_restart_with_every_acknowledged_transaction_committed_once()
    {
        await using var cluster = await Cluster.StartAsync();
        var victim = cluster["validator-3"];
        var witness = cluster["validator-0"];
        await cluster.WaitForHeightAsync(cluster.Nodes, 3, Timeout);

        var senders = Enumerable.Range(0, 4).Select(Devnet.AccountKey).ToList();
        var load = new TransferLoad([cluster["validator-0"], cluster["validator-1"], cluster["validator-2"]], senders);
        try
        {
            await Eventually.True(() => Task.FromResult(load.Acknowledged.Count >= 8), "8 committed transfers before the crash", Timeout);

            await Cluster.KillAsync(victim);
            var atCrash = await witness.HeightAsync();
            var acknowledgedAtCrash = load.Acknowledged.Count;
            await cluster.WaitForHeightAsync([witness, cluster.Auditor], atCrash + 10, Timeout);
            await Eventually.True(() => Task.FromResult(load.Acknowledged.Count >= acknowledgedAtCrash + 8), "8 more committed transfers with a validator down", Timeout);

            Cluster.Start(victim);
            await Cluster.WaitUntilServingAsync(victim);
            var target = await witness.HeightAsync();
            await cluster.WaitForHeightAsync([victim], target, Timeout);
            await Eventually.True(async () => (await victim.StatusAsync())["consensus"]?["running"]?.GetValue<bool>() == true, "the restarted validator to rejoin consensus", Timeout);
        }
        finally
        {
            await load.DisposeAsync();
        }

        var final = await witness.HeightAsync();
        await cluster.WaitForHeightAsync([victim, cluster.Auditor], final, Timeout);

        // Every block the same on the restarted validator, the witness and the audit node; count each transaction.
        var occurrences = new Dictionary<string, int>(StringComparer.Ordinal);
        for (ulong height = 1; height <= final; height++)
        {
            var block = (JsonObject)(await victim.Rpc.CallAsync("chain_getBlock", new JsonObject { ["height"] = height }))!;
            var hash = block["header"]!["hash"]!.GetValue<string>();
            Assert.Equal(hash, (await witness.HeaderAsync(height))!["hash"]!.GetValue<string>());
            Assert.Equal(hash, (await cluster.Auditor.HeaderAsync(height))!["hash"]!.GetValue<string>());
            foreach (var transaction in block["transactionHashes"]!.AsArray())
            {
                var key = transaction!.GetValue<string>();
                occurrences[key] = occurrences.GetValueOrDefault(key) + 1;
            }
        }

        Assert.True(load.Acknowledged.Count >= 16, $"only {load.Acknowledged.Count} transfers were acknowledged");
        foreach (var (hash, height) in load.Acknowledged)
        {
            Assert.True(occurrences.GetValueOrDefault(hash) == 1, $"acknowledged transaction {hash} appears {occurrences.GetValueOrDefault(hash)} times in the chain");
            var seen = (JsonObject)(await victim.Rpc.CallAsync("tx_get", new JsonObject { ["hash"] = hash }))!;
            Assert.Equal(height, seen["height"]!.GetValue<ulong>());
        }

        Assert.All(occurrences, o => Assert.Equal(1, o.Value));
    }
}
