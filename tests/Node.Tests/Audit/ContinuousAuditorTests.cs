using System.Text.Json;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Node.Audit;
using DaiChain.Node.Rpc;
using DaiChain.Node.Tests.P2P;
using DaiChain.Node.Tests.Rpc;
using DaiChain.TestKit;
using DaiChain.TestKit.Audit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Audit;

/// <summary>The audit node's continuous verifier following a chain as it grows, and <c>audit_status</c> over HTTP.</summary>
public sealed class ContinuousAuditorTests
{
    private static readonly ChainRules Rules = ChainRules.WithLedgerBuiltIns().Freeze();

    private static ContinuousAuditor NewAuditor(AuditChain chain) => new(
        new ChainAuditor(TrustedGenesis.From(chain.Genesis, Rules), Rules, new AuditOptions(), TestChain.NewMemoryStore()),
        new StoreBlockSource(chain.Store, "node store", AuditChain.CertificateColumn),
        reExecute: true,
        NullLogger<ContinuousAuditor>.Instance,
        TimeProvider.System,
        new ContinuousAuditorOptions { PollInterval = TimeSpan.FromMilliseconds(50) });

    [Fact]
    public async Task It_follows_the_chain_as_blocks_commit_through_a_validator_set_change()
    {
        var chain = new AuditChain().Grow(2, 2);
        var auditor = NewAuditor(chain);
        using var stop = new CancellationTokenSource();
        var loop = Task.Run(() => auditor.RunAsync(stop.Token));

        await Eventually.True(() => auditor.Status.VerifiedHeight == 2, "the first two blocks verified");
        chain.RemoveValidator(3);
        chain.Grow(4, 3);
        auditor.Notify();
        await Eventually.True(() => auditor.Status.VerifiedHeight == chain.Chain.Height && auditor.Status.State == "idle", "the auditor caught up");

        var status = auditor.Status;
        Assert.Empty(status.Discrepancies);
        Assert.Equal(chain.Chain.Height, status.ChainHeight);
        Assert.Equal("0x" + chain.Chain.Store.GetHeader(chain.Chain.Height)!.Hash(), status.LastBlockHash);
        Assert.Equal("0x" + chain.Chain.Head.StateRoot.Hash, status.LastStateRoot);
        stop.Cancel();
        await loop;
        Assert.Equal("stopped", auditor.Status.State);
    }

    [Fact]
    public async Task A_damaged_block_halts_it_with_the_discrepancy_in_audit_status()
    {
        var chain = new AuditChain().Grow(3, 1);
        chain.Overwrite(ChainColumns.Receipts, AuditChain.HeightKey(2), bytes =>
        {
            bytes[5] ^= 0x01;
            return bytes;
        });
        var auditor = NewAuditor(chain);
        using var stop = new CancellationTokenSource();
        await auditor.RunAsync(stop.Token);

        Assert.Equal("halted", auditor.Status.State);
        Assert.Equal(1UL, auditor.Status.VerifiedHeight);

        var registry = new RpcMethodRegistry();
        AuditRpc.Register(registry, auditor);
        await using var server = await RpcTestServer.StartAsync(_ => new() { Port = 0, ReadOnly = true }, methods: registry);
        var reply = await server.CallAsync("audit_status");
        var result = reply.GetProperty("result");
        Assert.Equal("halted", result.GetProperty("state").GetString());
        Assert.Equal(1UL, result.GetProperty("verifiedHeight").GetUInt64());
        var discrepancy = Assert.Single(result.GetProperty("discrepancies").EnumerateArray().ToList());
        Assert.Equal(2UL, discrepancy.GetProperty("height").GetUInt64());
        Assert.Equal(AuditCodes.ReceiptMismatch, discrepancy.GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.True, result.GetProperty("reExecute").ValueKind);
    }
}
