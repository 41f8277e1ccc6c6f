namespace DaiChain.Node.Configuration;

/// <summary>The <c>p2p</c> section (docs/spec/p2p.md explains each setting).</summary>
public sealed class P2PConfig
{
    /// <summary>host:port to accept peers on; empty to only dial.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1:26656";

    /// <summary>Peers dialed at start and redialed when lost: <c>&lt;node key hex&gt;@host:port</c>.</summary>
    public List<string> PersistentPeers { get; set; } = [];

    public int MaxInboundPeers { get; set; } = 40;

    public int DialTimeoutMs { get; set; } = 3_000;

    public int HandshakeTimeoutMs { get; set; } = 5_000;

    public int PingIntervalMs { get; set; } = 10_000;

    public int IdleTimeoutMs { get; set; } = 45_000;

    public int SendStallTimeoutMs { get; set; } = 20_000;

    public int BanDurationMs { get; set; } = 600_000;

    public int ReconnectBaseDelayMs { get; set; } = 500;

    public int ReconnectMaxDelayMs { get; set; } = 10_000;
}
