using System.Globalization;

namespace DaiChain.ConsensusSim;

/// <summary>What a run did.</summary>
public sealed record SimStats
{
    public long VirtualTimeMs { get; init; }

    /// <summary>The lowest committed height among honest nodes at the end.</summary>
    public ulong MinHonestHeight { get; init; }

    public int MaxRound { get; init; }

    public long MessagesSent { get; init; }

    public long MessagesDropped { get; init; }

    public int Crashes { get; init; }

    public int Equivocations { get; init; }

    /// <summary>Equivocations whose two votes never reached one honest node (no engine could detect them).</summary>
    public int Undetectable { get; init; }

    public int EvidenceCommitted { get; init; }

    /// <summary>Transactions committed (ledger scenarios).</summary>
    public int Transactions { get; init; }

    public long SignaturesRefused { get; init; }

    public string Byzantine { get; init; } = "none";

    public long Events { get; init; }

    /// <summary>A digest of every node's committed chain and the run's counters (equal for equal runs).</summary>
    public string Fingerprint { get; init; } = string.Empty;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"height {MinHonestHeight}, max round {MaxRound}, {VirtualTimeMs} ms virtual, {Events} events, {MessagesSent} messages ({MessagesDropped} lost), {Crashes} crashes, {Equivocations} equivocations ({Undetectable} undetectable), {EvidenceCommitted} evidence committed, {Transactions} transactions, {SignaturesRefused} signatures refused, byzantine: {Byzantine}, fingerprint {Fingerprint}");
}
