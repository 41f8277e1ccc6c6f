namespace DaiChain.Node.Audit;

/// <summary>Tuning of a <see cref="ContinuousAuditor"/>.</summary>
public sealed record ContinuousAuditorOptions
{
    /// <summary>How often to look for new blocks when no commit notification arrives. Default: 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Blocks verified before the loop publishes its status and checks for cancellation again. Default: 64.</summary>
    public int BlocksPerRound { get; init; } = 64;
}
