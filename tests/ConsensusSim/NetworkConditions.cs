namespace DaiChain.ConsensusSim;

/// <summary>How the simulated network treats messages: delay range, and drop and duplicate probabilities in per-mille.</summary>
public sealed record NetworkConditions
{
    public long MinDelayMs { get; init; } = 5;

    public long MaxDelayMs { get; init; } = 60;

    /// <summary>Chance in 1000 that a message is lost.</summary>
    public int DropPerMille { get; init; }

    /// <summary>Chance in 1000 that a message is delivered twice (the copy with its own delay).</summary>
    public int DuplicatePerMille { get; init; }

    public static NetworkConditions Good { get; } = new();
}
