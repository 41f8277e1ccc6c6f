namespace DaiChain.Ledger.Audit;

/// <summary>How far a running audit has come: reported every <see cref="AuditOptions.ProgressInterval"/> blocks.</summary>
public readonly record struct AuditProgress(ulong VerifiedHeight, ulong TargetHeight, ulong Transactions);
