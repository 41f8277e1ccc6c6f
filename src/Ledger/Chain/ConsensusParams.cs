namespace DaiChain.Ledger.Chain;

/// <summary>
/// Consensus parameters fixed at genesis: block limits and round timeouts. Limits never exceed
/// <see cref="ChainLimits"/>. Timeouts grow by their delta each round (<c>timeout(r) = base + r * delta</c>).
/// </summary>
public sealed record ConsensusParams
{
    public int MaxBlockBytes { get; init; } = 8 * 1024 * 1024;

    public int MaxBlockTransactions { get; init; } = 20_000;

    public int MaxBlockEvidence { get; init; } = 16;

    public int ProposeTimeoutMs { get; init; } = 3000;

    public int ProposeTimeoutDeltaMs { get; init; } = 500;

    public int PrevoteTimeoutMs { get; init; } = 1000;

    public int PrevoteTimeoutDeltaMs { get; init; } = 500;

    public int PrecommitTimeoutMs { get; init; } = 1000;

    public int PrecommitTimeoutDeltaMs { get; init; } = 500;

    /// <summary>Wait after a commit before starting the next height, to gather late precommits.</summary>
    public int CommitTimeoutMs { get; init; } = 1000;

    public static ConsensusParams Default { get; } = new();

    /// <summary>Each problem as a sentence naming the field; empty when valid.</summary>
    public IReadOnlyList<string> FindProblems()
    {
        var problems = new List<string>();
        Range(problems, "max_block_bytes", MaxBlockBytes, 1024, ChainLimits.MaxBlockBytes);
        Range(problems, "max_block_transactions", MaxBlockTransactions, 1, ChainLimits.MaxTransactionsPerBlock);
        Range(problems, "max_block_evidence", MaxBlockEvidence, 0, ChainLimits.MaxEvidencePerBlock);
        Range(problems, "propose_timeout_ms", ProposeTimeoutMs, 1, 600_000);
        Range(problems, "propose_timeout_delta_ms", ProposeTimeoutDeltaMs, 0, 600_000);
        Range(problems, "prevote_timeout_ms", PrevoteTimeoutMs, 1, 600_000);
        Range(problems, "prevote_timeout_delta_ms", PrevoteTimeoutDeltaMs, 0, 600_000);
        Range(problems, "precommit_timeout_ms", PrecommitTimeoutMs, 1, 600_000);
        Range(problems, "precommit_timeout_delta_ms", PrecommitTimeoutDeltaMs, 0, 600_000);
        Range(problems, "commit_timeout_ms", CommitTimeoutMs, 0, 600_000);
        return problems;
    }

    private static void Range(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"consensus.{name} is {value}; it must be between {min} and {max}");
        }
    }
}
