using System.Collections.Concurrent;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.P2P;
using EnginePeerId = DaiChain.Consensus.Engine.PeerId;

namespace DaiChain.Node.ConsensusPort;

/// <summary>
/// The consensus channel: the engine's <see cref="IConsensusTransport"/> on the P2P switch. Proposals, votes,
/// catch-up commits and evidence travel as <see cref="ConsensusMessage"/> encodings; received ones are decoded
/// here and posted to the engine's bounded inbox.
/// </summary>
/// <remarks>
/// Until an engine is attached (non-validators, or a validator still catching up by block sync) received messages
/// are dropped: the engine re-sends its round's messages every gossip interval, and catch-up covers the rest.
/// Peers known to be full or audit nodes are not sent consensus traffic. An undecodable message, or one whose
/// signature the engine finds invalid, is misbehaviour: the peer is dropped and banned.
/// </remarks>
public sealed class ConsensusReactor : IReactor, IConsensusTransport
{
    private readonly IPeerNetwork _network;
    private readonly Func<IPeer, bool> _wantsConsensus;
    private readonly Address? _self;
    private readonly IConsensusStepObserver? _steps;
    private readonly ConcurrentDictionary<string, IPeer> _peers = new(StringComparer.Ordinal);
    private ConsensusEngine? _engine;
    private long _dropped;

    /// <param name="network">The switch.</param>
    /// <param name="maxMessageBytes">The largest consensus message (a proposal with a full block).</param>
    /// <param name="wantsConsensus">Whether a peer should be sent consensus traffic.</param>
    /// <param name="self">This validator's address, to recognise its own votes for <paramref name="steps"/>.</param>
    /// <param name="steps">Step timing, optional.</param>
    public ConsensusReactor(IPeerNetwork network, int maxMessageBytes, Func<IPeer, bool> wantsConsensus, Address? self = null, IConsensusStepObserver? steps = null)
    {
        _network = network;
        _wantsConsensus = wantsConsensus;
        _self = self;
        _steps = steps;
        Channels = [ChannelFor(maxMessageBytes)];
    }

    /// <summary>The consensus channel: highest priority, messages up to <paramref name="maxMessageBytes"/> (see <see cref="ChainWireLimits"/>).</summary>
    public static ChannelDescriptor ChannelFor(int maxMessageBytes) =>
        new(ChannelId.Consensus, Priority: 10, SendQueueCapacity: 2_000, SendQueueBytesMax: Math.Max(8L * 1024 * 1024, 3L * maxMessageBytes), MaxMessageBytes: maxMessageBytes);

    public IReadOnlyList<ChannelDescriptor> Channels { get; }

    /// <summary>Messages received while no engine was attached or its inbox was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Connects the engine: from now on received messages are posted to it.</summary>
    public void Attach(ConsensusEngine engine) => Volatile.Write(ref _engine, engine);

    public void AddPeer(IPeer peer) => _peers[Key(peer.Id)] = peer;

    public void RemovePeer(IPeer peer, string reason)
    {
        var key = Key(peer.Id);
        if (_peers.TryGetValue(key, out var known) && ReferenceEquals(known, peer))
        {
            _peers.TryRemove(new KeyValuePair<string, IPeer>(key, known));
        }
    }

    public void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message)
    {
        var engine = Volatile.Read(ref _engine);
        if (engine is null)
        {
            Interlocked.Increment(ref _dropped);
            return;
        }

        ConsensusMessage decoded;
        try
        {
            decoded = Canonical.Decode<ConsensusMessage>(message.Span);
        }
        catch (CodecException e)
        {
            _network.ReportMisbehavior(peer, $"undecodable consensus message: {e.Message}");
            return;
        }

        if (!engine.Post(new EnginePeerId(Key(peer.Id)), decoded))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    public void Broadcast(ConsensusMessage message)
    {
        Observe(message);
        var bytes = Canonical.Encode(message);
        foreach (var peer in _network.Peers)
        {
            if (_wantsConsensus(peer))
            {
                peer.TrySend(ChannelId.Consensus, bytes);
            }
        }
    }

    public void Send(EnginePeerId peer, ConsensusMessage message)
    {
        if (_peers.TryGetValue(peer.Value, out var connected))
        {
            connected.TrySend(ChannelId.Consensus, Canonical.Encode(message));
        }
    }

    public void ReportInvalidSignature(EnginePeerId peer, string reason)
    {
        if (_peers.TryGetValue(peer.Value, out var connected))
        {
            _network.ReportMisbehavior(connected, $"invalid consensus signature: {reason}");
        }
    }

    private static string Key(P2P.PeerId id) => id.ToString();

    private void Observe(ConsensusMessage message)
    {
        if (_steps is not null && message is VoteMessage { Vote: var vote } && _self is { } self && vote.ValidatorAddress == self)
        {
            _steps.OwnVote(vote.Height, vote.Round, vote.Type == Ledger.Chain.VoteType.Precommit);
        }
    }
}
