namespace DaiChain.Consensus.Engine;

/// <summary>Counters the engine keeps (read them for metrics and in tests; they never affect behaviour).</summary>
public sealed class EngineMetrics
{
    public long InputsHandled { get; internal set; }

    public long InboxOverflows { get; internal set; }

    public long StaleTimeouts { get; internal set; }

    public long RejectedMessages { get; internal set; }

    public long DuplicateMessages { get; internal set; }

    /// <summary>Messages from a peer whose signature did not verify; each was reported to the transport.</summary>
    public long InvalidSignaturePeers { get; internal set; }

    public long BufferedFutureMessages { get; internal set; }

    public long DroppedFutureMessages { get; internal set; }

    public long EquivocationsDetected { get; internal set; }

    public long SignaturesRefused { get; internal set; }

    public long HeightsCommitted { get; internal set; }

    public long CatchUpsSent { get; internal set; }

    public long WalRecordsReplayed { get; internal set; }

    public long WalTornBytes { get; internal set; }

    /// <summary>The last reason a signature was refused (double-sign guard), for diagnostics.</summary>
    public string? LastRefusal { get; internal set; }
}
