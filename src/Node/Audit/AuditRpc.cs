using DaiChain.Node.Rpc;

namespace DaiChain.Node.Audit;

/// <summary>The audit node's JSON-RPC method: <c>audit_status</c> (read-only, so audit nodes serve it).</summary>
public static class AuditRpc
{
    /// <summary>Adds <c>audit_status</c>, answering from <paramref name="auditor"/>.</summary>
    public static void Register(RpcMethodRegistry registry, ContinuousAuditor auditor)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(auditor);
        registry.Add(RpcMethod.Read("audit_status", "Returns how far this audit node has verified the chain from genesis, and any discrepancy found.")
            .WithDescription("`verifiedHeight`: every block up to it was verified (header links, transaction roots, commit certificates against each height's validator set, and with `reExecute` every block re-executed with state roots, receipts and the node's stored state compared). `state` is `verifying`, `idle` (caught up), `halted` (a discrepancy stopped it, see `discrepancies`), `starting` or `stopped`.")
            .Handle(AuditJson.Default.AuditStatus, _ => ValueTask.FromResult(auditor.Status)));
    }
}
