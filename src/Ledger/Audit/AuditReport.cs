using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// The result of an audit run: how far the chain verified from genesis, what was checked, the verified validator-set
/// history and checkpoints, and the first discrepancy if one was found. The ledger integrity report is its export.
/// </summary>
public sealed record AuditReport
{
    public required string ChainId { get; init; }

    public required Hash256 GenesisHash { get; init; }

    public required string Source { get; init; }

    public required bool ReExecuted { get; init; }

    public required bool StoredStateCompared { get; init; }

    /// <summary>The first height this run verified (1, or the height after a resumed replay).</summary>
    public required ulong FromHeight { get; init; }

    /// <summary>Every height up to this one is verified from genesis (0: none).</summary>
    public required ulong VerifiedHeight { get; init; }

    /// <summary>The newest height the source held when the run ended.</summary>
    public required ulong SourceHeight { get; init; }

    /// <summary>The block hash, state root and time at <see cref="VerifiedHeight"/> (zero at height 0).</summary>
    public required AuditCheckpoint Head { get; init; }

    public required ulong Blocks { get; init; }

    public required ulong Transactions { get; init; }

    public required ulong Certificates { get; init; }

    public required ulong CommitSignatures { get; init; }

    public required IReadOnlyList<ValidatorSetChange> ValidatorSetChanges { get; init; }

    public required IReadOnlyList<AuditCheckpoint> Checkpoints { get; init; }

    /// <summary>The first failed check; null when everything verified.</summary>
    public Discrepancy? Failure { get; init; }

    /// <summary>Why the run stopped short of <see cref="SourceHeight"/> without a failure (the head's certificate is not available yet).</summary>
    public string? Note { get; init; }

    public bool IsClean => Failure is null;

    /// <summary>The zero checkpoint, for a run that verified nothing.</summary>
    public static AuditCheckpoint None => new(0, Hash256.Zero, Hash256.Zero, 0);
}
