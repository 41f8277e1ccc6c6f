using System.Net;
using DaiChain.Ledger.Crypto;

namespace DaiChain.Node.P2P;

/// <summary>
/// Settings of the P2P transport. Every default is listed in <c>docs/spec/p2p.md</c>; <see cref="Validate"/> rejects
/// values outside their bounds.
/// </summary>
public sealed record P2POptions
{
    /// <summary>The chain id both sides must agree on in the handshake: 1-64 characters of <c>[A-Za-z0-9._-]</c> (<see cref="SignBytes.IsValidChainId"/>).</summary>
    public required string ChainId { get; init; }

    /// <summary>Where to accept connections; <c>null</c> for a node that only dials. Default 127.0.0.1:26656.</summary>
    public IPEndPoint? ListenEndPoint { get; init; } = new(IPAddress.Loopback, 26656);

    /// <summary>Peers dialed at start and redialed with backoff whenever the connection is lost.</summary>
    public IReadOnlyList<PeerAddress> PersistentPeers { get; init; } = [];

    /// <summary>Inbound peers kept at most (persistent peers that dial in count too). Default 40.</summary>
    public int MaxInboundPeers { get; init; } = 40;

    /// <summary>Inbound connections that may be in their handshake at once; more are closed on accept. Default 16.</summary>
    public int MaxPendingHandshakes { get; init; } = 16;

    /// <summary>Time allowed for TCP connect of a dial. Default 3 s.</summary>
    public TimeSpan DialTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Time allowed for the whole handshake, from accept or connect to the verified signature. Default 5 s.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Largest message fragment sent in one frame (at most <see cref="FrameCodec.MaxDataBytes"/>). Smaller fragments let
    /// consensus overtake a large block sooner. Default 64 KiB.
    /// </summary>
    public int SendFragmentBytes { get; init; } = FrameCodec.MaxDataBytes;

    /// <summary>
    /// Kernel socket buffer size (SO_SNDBUF and SO_RCVBUF) per connection; 0 leaves the operating system's
    /// auto-tuning. A smaller buffer bounds kernel memory per peer and makes backpressure reach the send queues sooner.
    /// Default 0.
    /// </summary>
    public int SocketBufferBytes { get; init; }

    /// <summary>
    /// How often the peer watchdog runs: it sends a ping when nothing was sent for this long and enforces
    /// <see cref="IdleTimeout"/> and <see cref="SendStallTimeout"/>. <see cref="Timeout.InfiniteTimeSpan"/> turns it off. Default 10 s.
    /// </summary>
    public TimeSpan PingInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A peer from which no frame arrives for this long is disconnected. Default 45 s.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(45);

    /// <summary>A peer whose socket accepts no bytes for this long while we have data for it is disconnected (not banned). Default 20 s.</summary>
    public TimeSpan SendStallTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a misbehaving peer is refused. Default 10 min.</summary>
    public TimeSpan BanDuration { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Peers banned at once at most; the ban closest to expiry is forgotten first. Default 10,000.</summary>
    public int MaxBans { get; init; } = 10_000;

    /// <summary>First redial delay after a lost connection or a failed dial. Default 500 ms.</summary>
    public TimeSpan ReconnectBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The redial delay doubles per failure up to this. Default 60 s.</summary>
    public TimeSpan ReconnectMaxDelay { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting out of bounds.</summary>
    public void Validate()
    {
        Require(SignBytes.IsValidChainId(ChainId), nameof(ChainId), "must be 1-64 characters from [A-Za-z0-9._-]");
        Require(MaxInboundPeers is >= 0 and <= 10_000, nameof(MaxInboundPeers), "must be 0..10000");
        Require(MaxPendingHandshakes is >= 1 and <= 1_000, nameof(MaxPendingHandshakes), "must be 1..1000");
        Require(Positive(DialTimeout), nameof(DialTimeout), "must be positive");
        Require(Positive(HandshakeTimeout), nameof(HandshakeTimeout), "must be positive");
        Require(SendFragmentBytes is >= 256 and <= FrameCodec.MaxDataBytes, nameof(SendFragmentBytes), $"must be 256..{FrameCodec.MaxDataBytes}");
        Require(SocketBufferBytes == 0 || SocketBufferBytes is >= 4096 and <= 64 * 1024 * 1024, nameof(SocketBufferBytes), "must be 0 (operating system default) or 4 KiB..64 MiB");
        Require(PingInterval == Timeout.InfiniteTimeSpan || Positive(PingInterval), nameof(PingInterval), "must be positive or infinite");
        Require(Positive(IdleTimeout) && (PingInterval == Timeout.InfiniteTimeSpan || IdleTimeout > PingInterval), nameof(IdleTimeout), "must be positive and longer than the ping interval");
        Require(Positive(SendStallTimeout), nameof(SendStallTimeout), "must be positive");
        Require(BanDuration >= TimeSpan.Zero, nameof(BanDuration), "must not be negative");
        Require(MaxBans is >= 1 and <= 1_000_000, nameof(MaxBans), "must be 1..1000000");
        Require(Positive(ReconnectBaseDelay), nameof(ReconnectBaseDelay), "must be positive");
        Require(ReconnectMaxDelay >= ReconnectBaseDelay, nameof(ReconnectMaxDelay), "must be at least the base delay");
        foreach (var peer in PersistentPeers)
        {
            Require(!peer.Id.IsEmpty, nameof(PersistentPeers), "contains an address without a node key");
        }
    }

    private static bool Positive(TimeSpan value) => value > TimeSpan.Zero && value != Timeout.InfiniteTimeSpan;

    private static void Require(bool condition, string setting, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"P2P setting {setting} {rule}", setting);
        }
    }
}
