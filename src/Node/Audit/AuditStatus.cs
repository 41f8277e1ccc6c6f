namespace DaiChain.Node.Audit;

/// <summary>A <see cref="ContinuousAuditor"/>'s progress, as <c>audit_status</c> reports it.</summary>
/// <param name="State"><c>starting</c>, <c>verifying</c>, <c>idle</c> (caught up), <c>halted</c> (a discrepancy stopped it), <c>failed</c> (an internal error stopped it) or <c>stopped</c>.</param>
/// <param name="VerifiedHeight">Every height up to this one is verified from genesis.</param>
/// <param name="ChainHeight">The newest height the node holds.</param>
/// <param name="ReExecute">Whether blocks are re-executed (state roots, receipts, stored state compared).</param>
/// <param name="BlocksVerified">Blocks verified since the node started.</param>
/// <param name="TransactionsVerified">Transactions re-executed since the node started.</param>
/// <param name="LastBlockHash">The hash of the verified head block, <c>0x</c> and hex like every RPC hash (null before the first).</param>
/// <param name="LastStateRoot">The state root after the verified head block.</param>
/// <param name="Discrepancies">What was found wrong; the first one halts verification.</param>
public sealed record AuditStatus(
    string State,
    ulong VerifiedHeight,
    ulong ChainHeight,
    bool ReExecute,
    ulong BlocksVerified,
    ulong TransactionsVerified,
    string? LastBlockHash,
    string? LastStateRoot,
    IReadOnlyList<DiscrepancyView> Discrepancies);
