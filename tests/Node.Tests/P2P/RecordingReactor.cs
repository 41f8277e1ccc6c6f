using System.Collections.Concurrent;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Tests.P2P;

/// <summary>
/// A reactor for tests: serves the given channels, records peers and every message, and can hold its receive loop
/// on a gate (a slow reader) or report the sender as misbehaving.
/// </summary>
public sealed class RecordingReactor : IReactor
{
    private readonly ConcurrentQueue<Received> _received = new();
    private readonly ConcurrentDictionary<PeerId, int> _peers = new();
    private volatile TaskCompletionSource? _gate;

    public RecordingReactor(params ChannelId[] channels)
    {
        Channels = (channels.Length == 0 ? Enum.GetValues<ChannelId>() : channels).Select(ChannelDescriptor.Default).ToArray();
    }

    public RecordingReactor(IReadOnlyList<ChannelDescriptor> channels)
    {
        Channels = channels;
    }

    public IReadOnlyList<ChannelDescriptor> Channels { get; }

    public IReadOnlyCollection<Received> Messages => [.. _received];

    public IReadOnlyCollection<PeerId> Peers => [.. _peers.Keys];

    private int _addCount;
    private int _removeCount;

    public int AddCount => Volatile.Read(ref _addCount);

    public int RemoveCount => Volatile.Read(ref _removeCount);

    /// <summary>Set to report every message on this channel as misbehaviour.</summary>
    public (IPeerNetwork Network, ChannelId Channel)? ReportOn { get; set; }

    public ChannelId? GatedChannel { get; private set; }

    /// <summary>Blocks every <see cref="Receive"/> on <paramref name="channel"/> until <see cref="Release"/> (a slow reader).</summary>
    public void Hold(ChannelId channel)
    {
        GatedChannel = channel;
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public void Release() => _gate?.TrySetResult();

    public void AddPeer(IPeer peer)
    {
        Interlocked.Increment(ref _addCount);
        Assert.True(_peers.TryAdd(peer.Id, 0), $"peer {peer.Id.ToShortString()} added twice without a removal");
    }

    public void RemovePeer(IPeer peer, string reason)
    {
        Interlocked.Increment(ref _removeCount);
        Assert.True(_peers.TryRemove(peer.Id, out _), $"peer {peer.Id.ToShortString()} removed but never added");
    }

    public void Receive(IPeer peer, ChannelId channel, ReadOnlyMemory<byte> message)
    {
        if (GatedChannel == channel && _gate is { } gate)
        {
            gate.Task.Wait(TimeSpan.FromSeconds(20));
        }

        _received.Enqueue(new Received(peer.Id, channel, message.ToArray()));
        if (ReportOn is { } report && report.Channel == channel)
        {
            report.Network.ReportMisbehavior(peer, "test reactor says so");
        }
    }

    public int Count(Func<Received, bool> predicate) => _received.Count(predicate);

    public sealed record Received(PeerId From, ChannelId Channel, byte[] Message);
}
