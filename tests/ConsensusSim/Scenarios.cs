namespace DaiChain.ConsensusSim;

/// <summary>The named scenarios of the issue.</summary>
public static class Scenarios
{
    /// <summary>One validator: no network, but crashes, restarts and torn WAL tails.</summary>
    public static Scenario N1 { get; } = new() { Name = "N1", Powers = [1], Crashes = 2 };

    /// <summary>Four equal honest validators over a lossy, duplicating, reordering network, with crashes.</summary>
    public static Scenario N4F0 { get; } = new() { Name = "N4F0", Powers = [1, 1, 1, 1], Crashes = 2 };

    /// <summary>Four validators, one byzantine (equivocating proposer, double voter, silent, or invalid-block proposer).</summary>
    public static Scenario N4F1Byzantine { get; } = new() { Name = "N4F1Byzantine", Powers = [1, 1, 1, 1], ByzantineCount = 1 };

    /// <summary>Four validators split 2 | 2 (no side has a quorum) until the heal.</summary>
    public static Scenario N4Partition2x2 { get; } = new()
    {
        Name = "N4Partition2x2",
        Powers = [1, 1, 1, 1],
        Partition = [0, 0, 1, 1],
        Faulty = new() { MinDelayMs = 2, MaxDelayMs = 80, DropPerMille = 10, DuplicatePerMille = 10 },
        Crashes = 1,
    };

    /// <summary>Seven validators, two byzantine.</summary>
    public static Scenario N7F2 { get; } = new() { Name = "N7F2", Powers = [1, 1, 1, 1, 1, 1, 1], ByzantineCount = 2, Crashes = 1 };

    /// <summary>
    /// Unequal stake (10, 5, 3, 1, 1 of 20): one byzantine validator drawn among those with less than a third, power
    /// changes at heights 3 and 5 that apply at 5 and 7, and jailing on evidence (also at H + 2).
    /// </summary>
    public static Scenario UnequalPower { get; } = new()
    {
        Name = "UnequalPower",
        Powers = [10, 5, 3, 1, 1],
        ByzantineCount = 1,
        PowerChanges = [(3, 4, 4), (5, 2, 1)],
        Crashes = 1,
    };

    /// <summary>Four validators, validator 3's key running in two honest instances (Twins).</summary>
    public static Scenario Twins4 { get; } = new() { Name = "Twins4", Powers = [1, 1, 1, 1], TwinOf = 3, Crashes = 1 };

    /// <summary>
    /// Four validators on the real ledger (execution, mempool, slashing and jailing at H + 2) with a client sending
    /// transfers, one byzantine validator, crashes and a lossy network.
    /// </summary>
    public static Scenario N4F1Ledger { get; } = new() { Name = "N4F1Ledger", Powers = [10, 10, 10, 10], ByzantineCount = 1, Ledger = true, Crashes = 1 };

    public static IReadOnlyList<Scenario> All { get; } = [N1, N4F0, N4F1Byzantine, N4Partition2x2, N7F2, UnequalPower, Twins4, N4F1Ledger];

    public static Scenario ByName(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"unknown scenario '{name}'; known: {string.Join(", ", All.Select(s => s.Name))}", nameof(name));

}
