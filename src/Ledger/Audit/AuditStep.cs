namespace DaiChain.Ledger.Audit;

/// <summary>The result of trying to verify the next height.</summary>
public enum AuditStep
{
    /// <summary>The next height verified; the audit advanced by one block.</summary>
    Verified,

    /// <summary>The source does not hold the next block, or not yet the certificate that commits it.</summary>
    Waiting,

    /// <summary>A check failed (<see cref="ChainAuditor.Failure"/>); the audit cannot go further.</summary>
    Failed,
}
