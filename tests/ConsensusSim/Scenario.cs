using DaiChain.ConsensusSim.Byzantine;

namespace DaiChain.ConsensusSim;

/// <summary>
/// A simulated topology and its faults, named as in the issue (N4F0, N4F1Byzantine, ...). Everything random about a
/// run (which node misbehaves how, when nodes crash, message fates, clock skews) is drawn from the seed.
/// </summary>
public sealed record Scenario
{
    public required string Name { get; init; }

    /// <summary>Voting power of validator i (key i).</summary>
    public required long[] Powers { get; init; }

    /// <summary>How many validators are byzantine; which, and how, is drawn per seed.</summary>
    public int ByzantineCount { get; init; }

    /// <summary>The kinds a byzantine validator may be given (drawn per seed).</summary>
    public ByzantineKind[] ByzantineKinds { get; init; } = Enum.GetValues<ByzantineKind>();

    /// <summary>Run a second instance of this validator's key (Twins); both instances count as one faulty validator.</summary>
    public int? TwinOf { get; init; }

    /// <summary>Heights every honest node must commit.</summary>
    public int TargetHeight { get; init; } = 10;

    /// <summary>Byzantine equivocation stops after this many heights below the target, so its evidence can land.</summary>
    public int QuietHeights { get; init; } = 3;

    /// <summary>Until this virtual time the network is faulty (drops, duplicates, long delays, partitions) and nodes crash.</summary>
    public long HealAtMs { get; init; } = 4_000;

    /// <summary>After the heal, every honest node must reach the target within this much virtual time (liveness).</summary>
    public long LivenessBoundMs { get; init; } = 60_000;

    public NetworkConditions Faulty { get; init; } = new() { MinDelayMs = 1, MaxDelayMs = 150, DropPerMille = 30, DuplicatePerMille = 30 };

    /// <summary>Partition sides during [<see cref="PartitionFromMs"/>, heal): side of instance i; null for none.</summary>
    public int[]? Partition { get; init; }

    public long PartitionFromMs { get; init; } = 300;

    /// <summary>Crash-and-restart events on honest nodes before the heal (each with a torn WAL tail).</summary>
    public int Crashes { get; init; } = 1;

    /// <summary>Maximum absolute clock skew of a node, in milliseconds.</summary>
    public long MaxSkewMs { get; init; } = 250;

    /// <summary>Power changes decided at a height (validator index, new power), effective two heights later.</summary>
    public IReadOnlyList<(ulong Height, int Validator, ulong Power)> PowerChanges { get; init; } = [];

    /// <summary>
    /// Run every node on the real ledger (<see cref="LedgerSimChain"/>: execution, staking, slashing, mempool) with a
    /// client sending transfers, instead of the lightweight <see cref="SimApplication"/>. Power changes then come from
    /// the ledger's staking alone (<see cref="PowerChanges"/> is not used).
    /// </summary>
    public bool Ledger { get; init; }

    /// <summary>In a ledger scenario, run the client that sends transfers (off: empty blocks).</summary>
    public bool ClientTransactions { get; init; } = true;

    /// <summary>Nodes without a validator key that follow consensus and commit (audit and full nodes).</summary>
    public int Followers { get; init; }

    public int Instances => Powers.Length + (TwinOf is null ? 0 : 1) + Followers;
}
