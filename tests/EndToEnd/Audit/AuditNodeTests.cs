using System.Text.Json.Nodes;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.RpcClient;

namespace DaiChain.EndToEnd.Tests.Audit;

/// <summary>
/// The devnet's audit node (<c>run --mode audit</c>) verifies every block it syncs from genesis, reaches the validators'
/// height with the same block hashes, reports it in <c>audit_status</c>, and refuses writes.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class AuditNodeTests(DevnetFixture fixture) : IClassFixture<DevnetFixture>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task The_audit_node_verifies_what_the_validators_commit_and_refuses_writes()
    {
        await Cluster.WaitForHeightAsync(Cluster.Validators, 15, Timeout);

        // The validators' head now (the fixture is shared, so it may be well past 15): the audit node must verify up
        // to it, not merely make progress.
        var validatorsHeight = 0UL;
        foreach (var validator in Cluster.Validators)
        {
            validatorsHeight = Math.Max(validatorsHeight, await validator.HeightAsync());
        }

        var auditor = Cluster.Auditor;
        var status = await Eventually.Get(
            async () => await auditor.Rpc.CallAsync("audit_status") is JsonObject s && s["verifiedHeight"]!.GetValue<ulong>() >= validatorsHeight ? s : null,
            $"the audit node to verify the validators' height {validatorsHeight}\n{Cluster.LogTails()}",
            Timeout);

        Assert.Empty(status["discrepancies"]!.AsArray());
        Assert.True(status["reExecute"]!.GetValue<bool>());
        Assert.Contains(status["state"]!.GetValue<string>(), new[] { "verifying", "idle" });
        var verified = status["verifiedHeight"]!.GetValue<ulong>();
        var headNow = 0UL;
        foreach (var validator in Cluster.Validators)
        {
            headNow = Math.Max(headNow, await validator.HeightAsync());
        }

        // Never ahead of what the validators committed, and the very same block at that height on every validator.
        Assert.True(verified <= headNow, $"verified {verified} is past the validators' head {headNow}");
        await Cluster.WaitForHeightAsync(Cluster.Validators, verified, Timeout);
        foreach (var validator in Cluster.Validators)
        {
            var header = await validator.HeaderAsync(verified);
            Assert.Equal(header!["hash"]!.GetValue<string>(), status["lastBlockHash"]!.GetValue<string>());
        }

        using var sender = Devnet.AccountKey(2);
        var transaction = Transfers.Sign(sender, 0, sender.Address, 1);
        var refused = await Assert.ThrowsAsync<JsonRpcCallException>(() => auditor.Rpc.CallAsync("tx_submit", Transfers.SubmitParams(transaction, wait: false)));
        Assert.Equal("read_only", refused.Reason);

        var notOnValidators = await Assert.ThrowsAsync<JsonRpcCallException>(() => Cluster["validator-0"].Rpc.CallAsync("audit_status"));
        Assert.Equal("method_not_found", notOnValidators.Reason);
    }

    [Fact]
    public async Task Audit_verify_over_rpc_checks_a_validator_from_genesis()
    {
        const ulong target = 12;
        var validator = Cluster["validator-1"];
        await Cluster.WaitForHeightAsync([validator], target + 1, Timeout);
        var (exitCode, output, error) = await Daichain.RunAsync(
            ["audit", "verify", "--rpc", $"http://127.0.0.1:{validator.RpcPort}/", "--genesis", Cluster.GenesisFile, "--to", $"{target}", "--quiet"],
            timeout: Timeout);

        Assert.True(exitCode == 0, $"{output}\n{error}");
        Assert.Contains($"verified:     heights 1 to {target} of", output, StringComparison.Ordinal);
        var header = await validator.HeaderAsync(target);
        Assert.Contains($"head:         block {target} {header!["hash"]!.GetValue<string>()[2..]}", output, StringComparison.Ordinal);
    }
}
