using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DaiChain.Node.P2P;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging;

namespace DaiChain.Node.Tests.P2P;

/// <summary>Switches on real sockets on 127.0.0.1 with ephemeral ports.</summary>
public class P2PSwitchTests
{
    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private static async Task Connected(TestNode a, TestNode b) =>
        await Eventually.True(() => a.IsConnectedTo(b) && b.IsConnectedTo(a), $"nodes {a.Index} and {b.Index} connected");

    [Fact]
    public async Task Two_nodes_handshake_and_exchange_messages_on_every_channel()
    {
        await using var net = new TestNetwork();
        var a = net.Start(0);
        var b = net.Start(1);

        var peer = await a.Switch.DialAsync(b.Address);
        Assert.Equal(b.Id, peer.Id);
        Assert.True(peer.IsOutbound);
        await Connected(a, b);

        foreach (var channel in Enum.GetValues<ChannelId>())
        {
            Assert.True(a.PeerFor(b).TrySend(channel, Bytes($"a->b on {channel}")));
            Assert.True(b.PeerFor(a).TrySend(channel, Bytes($"b->a on {channel}")));
        }

        await Eventually.True(() => b.Reactor.Messages.Count == 5 && a.Reactor.Messages.Count == 5, "five messages each way");
        foreach (var channel in Enum.GetValues<ChannelId>())
        {
            var received = Assert.Single(b.Reactor.Messages, m => m.Channel == channel);
            Assert.Equal(a.Id, received.From);
            Assert.Equal(Bytes($"a->b on {channel}"), received.Message);
            var traffic = a.Switch.Counters.Traffic(channel);
            Assert.Equal(1, traffic.MessagesSent);
            Assert.Equal(Bytes($"a->b on {channel}").Length, traffic.BytesSent);
            Assert.Equal(Bytes($"b->a on {channel}").Length, a.Switch.Counters.Traffic(channel).BytesReceived);
        }
    }

    [Fact]
    public async Task Three_nodes_connect_through_persistent_peers_and_broadcast_to_each_other()
    {
        await using var net = new TestNetwork();
        var n0 = net.Start(0);
        var n1 = net.Start(1, TestNetwork.Options(persistent: [n0.Address]));
        var n2 = net.Start(2, TestNetwork.Options(persistent: [n0.Address, n1.Address]));
        await Connected(n0, n1);
        await Connected(n0, n2);
        await Connected(n1, n2);

        foreach (var node in new[] { n0, n1, n2 })
        {
            Assert.Equal(2, node.Switch.Broadcast(ChannelId.Consensus, Bytes($"vote from {node.Index}")));
        }

        await Eventually.True(() => new[] { n0, n1, n2 }.All(n => n.Reactor.Messages.Count == 2), "every node has both other votes");
        Assert.Equal(Bytes("vote from 0"), n2.Reactor.Messages.Single(m => m.From == n0.Id).Message);
        Assert.Equal(Bytes("vote from 2"), n1.Reactor.Messages.Single(m => m.From == n2.Id).Message);
    }

    [Fact]
    public async Task A_node_whose_key_is_not_registered_is_refused_and_logged()
    {
        await using var net = new TestNetwork(registered: 2);
        var member = net.Start(0);
        var stranger = net.Start(9, authorizer: new NodeRegistryAuthorizer([member.Id]));

        var e = await Assert.ThrowsAsync<HandshakeException>(() => stranger.Switch.DialAsync(member.Address));

        Assert.Equal(HandshakeFailure.ConnectionClosed, e.Failure);
        await Eventually.True(() => member.Switch.Counters.HandshakeFailures(HandshakeFailure.Unauthorized) == 1, "refusal counted");
        Assert.Contains(member.Logger.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("not in the node registry", StringComparison.Ordinal) && l.Message.Contains(stranger.Id.ToString(), StringComparison.Ordinal));
        Assert.Empty(member.Switch.Peers);
        Assert.Empty(member.Reactor.Peers);
    }

    [Fact]
    public async Task A_node_on_another_chain_is_refused()
    {
        await using var net = new TestNetwork();
        var a = net.Start(0);
        var other = net.Start(1, TestNetwork.Options(chainId: "another-chain"));

        var e = await Assert.ThrowsAsync<HandshakeException>(() => other.Switch.DialAsync(a.Address));

        Assert.True(e.Failure is HandshakeFailure.ChainIdMismatch or HandshakeFailure.ConnectionClosed, $"failure {e.Failure}");
        await Eventually.True(() => a.Switch.Counters.HandshakeFailures(HandshakeFailure.ChainIdMismatch) == 1, "refusal counted");
        Assert.Empty(a.Switch.Peers);
    }

    [Fact]
    public async Task A_tampered_ciphertext_byte_drops_and_bans_the_peer()
    {
        await using var net = new TestNetwork();
        var node = net.Start(0);
        var identity = TestNetwork.Identity(1);
        using var raw = await RawPeer.ConnectAsync(node, identity, net.Crypto);
        await Eventually.True(() => node.Switch.TryGetPeer(identity.Id, out _), "raw peer registered");

        await raw.SendRawAsync(raw.Seal(RawPeer.MessageFrame(ChannelId.Mempool, Bytes("fine"))));
        var tampered = raw.Seal(RawPeer.MessageFrame(ChannelId.Mempool, Bytes("tampered")));
        tampered[FrameCipher.LengthBytes + 2] ^= 0x40;
        await raw.SendRawAsync(tampered);

        await raw.AssertClosedByRemoteAsync();
        await Eventually.True(() => !node.Switch.TryGetPeer(identity.Id, out _), "peer dropped");
        Assert.True(node.Switch.IsBanned(identity.Id));
        Assert.Equal(1, node.Switch.Counters.ProtocolViolations);
        Assert.Equal([Bytes("fine")], node.Reactor.Messages.Select(m => m.Message));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("BadMac", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Raw_sockets_sending_garbage_are_dropped_and_the_listener_keeps_accepting()
    {
        await using var net = new TestNetwork();
        var node = net.Start(0);
        var random = new Random(5);
        var garbage = Enumerable.Range(0, 8).Select(_ => random.Bytes(1, 4096)).Append("DCP2\u0001\u0000"u8.ToArray()).ToArray();

        foreach (var bytes in garbage)
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, node.Switch.ListenEndPoint!.Port));
            await socket.SendAsync(bytes);
            var buffer = new byte[4096];
            using var timeout = new CancellationTokenSource(Eventually.DefaultTimeout);
            while (await socket.ReceiveAsync(buffer, timeout.Token) > 0)
            {
                // The node's own hello arrives first; the connection must then be closed by the node.
            }
        }

        var honest = net.Start(1);
        await honest.Switch.DialAsync(node.Address);
        await Connected(node, honest);
        Assert.Single(node.Switch.Peers);
        Assert.Equal(0, node.Switch.Counters.Bans);
    }

    [Fact]
    public async Task An_oversize_frame_is_rejected_before_it_is_read_and_the_peer_banned()
    {
        await using var net = new TestNetwork();
        var node = net.Start(0);
        var identity = TestNetwork.Identity(1);
        using var raw = await RawPeer.ConnectAsync(node, identity, net.Crypto);
        await Eventually.True(() => node.Switch.TryGetPeer(identity.Id, out _), "raw peer registered");

        await raw.SendRawAsync([0x00, 0x01, 0x00, 0x14]); // 65,556 > the largest sealed frame (65,555)

        await raw.AssertClosedByRemoteAsync();
        Assert.True(node.Switch.IsBanned(identity.Id));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("FrameLength", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_message_over_its_channel_bound_or_on_an_unserved_channel_bans_the_peer()
    {
        await using var net = new TestNetwork();
        var small = new ChannelDescriptor(ChannelId.Status, 1, 10, 100, MaxMessageBytes: 100);
        var node = net.Start(0, reactor: new RecordingReactor([small]));
        var one = TestNetwork.Identity(1);
        var two = TestNetwork.Identity(2);

        using (var raw = await RawPeer.ConnectAsync(node, one, net.Crypto))
        {
            await raw.SendRawAsync(raw.Seal(RawPeer.MessageFrame(ChannelId.Status, new byte[101])));
            await raw.AssertClosedByRemoteAsync();
        }

        using (var raw = await RawPeer.ConnectAsync(node, two, net.Crypto))
        {
            await raw.SendRawAsync(raw.Seal(RawPeer.MessageFrame(ChannelId.Consensus, new byte[1])));
            await raw.AssertClosedByRemoteAsync();
        }

        Assert.True(node.Switch.IsBanned(one.Id));
        Assert.True(node.Switch.IsBanned(two.Id));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("MessageTooLarge", StringComparison.Ordinal));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("UnknownChannel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_slow_reader_blocks_neither_the_sender_nor_other_peers_nor_consensus()
    {
        await using var net = new TestNetwork();
        var smallBuffers = TestNetwork.Options() with { SocketBufferBytes = 16 * 1024 };
        var sender = net.Start(0, smallBuffers);
        var fast = net.Start(1, smallBuffers);
        var slowReactor = new RecordingReactor();
        slowReactor.Hold(ChannelId.Mempool);
        var slow = net.Start(2, smallBuffers, slowReactor);
        await sender.Switch.DialAsync(fast.Address);
        await sender.Switch.DialAsync(slow.Address);
        var toSlow = sender.PeerFor(slow);
        var toFast = sender.PeerFor(fast);

        var tx = new byte[256 * 1024];
        var clock = Stopwatch.StartNew();
        var queued = 0;
        while (toSlow.TrySend(ChannelId.Mempool, tx))
        {
            queued++;
            Assert.True(queued < 1_000, "the mempool queue to the slow peer never filled");
        }

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"filling the queue took {clock.Elapsed}: sends must not block");
        Assert.True(sender.Switch.Counters.Traffic(ChannelId.Mempool).MessagesDropped >= 1);

        Assert.True(toSlow.TrySend(ChannelId.Consensus, Bytes("vote for the slow peer")), "consensus has its own room");
        Assert.True(toFast.TrySend(ChannelId.Mempool, tx));
        Assert.True(toFast.TrySend(ChannelId.Consensus, Bytes("vote")));
        await Eventually.True(() => fast.Reactor.Count(m => m.Channel == ChannelId.Consensus) == 1 && fast.Reactor.Count(m => m.Channel == ChannelId.Mempool) == 1, "the fast peer got its messages while the slow one stalls");

        slowReactor.Release();
        await Eventually.True(() => slowReactor.Count(m => m.Channel == ChannelId.Consensus) == 1 && slowReactor.Count(m => m.Channel == ChannelId.Mempool) == queued, "the slow peer catches up once it reads");
    }

    [Fact]
    public async Task Consensus_overtakes_a_backlog_of_transactions_to_the_same_peer()
    {
        await using var net = new TestNetwork();
        var smallBuffers = TestNetwork.Options() with { SocketBufferBytes = 16 * 1024 };
        var sender = net.Start(0, smallBuffers);
        var receiverReactor = new RecordingReactor();
        receiverReactor.Hold(ChannelId.Mempool);
        var receiver = net.Start(1, smallBuffers, receiverReactor);
        await sender.Switch.DialAsync(receiver.Address);
        var peer = sender.PeerFor(receiver);

        const int Backlog = 30;
        for (var i = 0; i < Backlog; i++)
        {
            Assert.True(peer.TrySend(ChannelId.Mempool, new byte[256 * 1024]));
        }

        Assert.True(peer.TrySend(ChannelId.Consensus, Bytes("proposal")));
        receiverReactor.Release();

        await Eventually.True(() => receiverReactor.Messages.Count == Backlog + 1, "everything arrives");
        var order = receiverReactor.Messages.Select(m => m.Channel).ToList();
        var consensusAt = order.IndexOf(ChannelId.Consensus);
        Assert.True(consensusAt < Backlog / 2, $"the consensus message arrived as number {consensusAt} of {Backlog + 1}; it should overtake the queued transactions");
    }

    [Fact]
    public async Task A_persistent_peer_is_redialed_after_it_restarts()
    {
        await using var net = new TestNetwork();
        var first = net.Start(0);
        var port = first.Switch.ListenEndPoint!.Port;
        var dialer = net.Start(1, TestNetwork.Options(persistent: [first.Address]));
        await Connected(first, dialer);

        await first.Switch.StopAsync();
        await Eventually.True(() => !dialer.IsConnectedTo(first), "the loss is noticed");
        await Eventually.True(() => dialer.Switch.Counters.ConnectionsDialed >= 2 || dialer.Reactor.RemoveCount == 1, "redial attempts while the peer is down");

        var restarted = net.Start(0, TestNetwork.Options(port: port));
        await Connected(restarted, dialer);
        Assert.Equal(2, dialer.Reactor.AddCount);
        Assert.Equal(1, dialer.Reactor.RemoveCount);
    }

    [Fact]
    public async Task A_ban_expires_on_the_injected_clock_and_the_peer_reconnects()
    {
        await using var net = new TestNetwork();
        var clock = new ManualTimeProvider();
        var options = TestNetwork.Options() with { BanDuration = TimeSpan.FromMinutes(10), PingInterval = Timeout.InfiniteTimeSpan };
        var judge = net.Start(0, options, time: clock);
        var culprit = net.Start(1, TestNetwork.Options(persistent: [judge.Address]));
        await Connected(judge, culprit);

        judge.Switch.Ban(culprit.Id, "test");
        await Eventually.True(() => !culprit.IsConnectedTo(judge), "dropped");
        await Eventually.True(() => judge.Switch.Counters.HandshakeFailures(HandshakeFailure.Banned) >= 2, "redials are refused while banned");
        Assert.False(judge.IsConnectedTo(culprit));

        clock.Advance(TimeSpan.FromMinutes(10));

        Assert.False(judge.Switch.IsBanned(culprit.Id));
        await Connected(judge, culprit);
    }

    [Fact]
    public async Task A_peer_reported_by_a_reactor_is_dropped_and_banned()
    {
        await using var net = new TestNetwork();
        var reactor = new RecordingReactor();
        var judge = net.Start(0, reactor: reactor);
        reactor.ReportOn = (judge.Switch, ChannelId.Status);
        var culprit = net.Start(1, TestNetwork.Options(persistent: [judge.Address]));
        await Connected(judge, culprit);

        culprit.PeerFor(judge).TrySend(ChannelId.Status, Bytes("an invalid status"));

        await Eventually.True(() => !judge.IsConnectedTo(culprit) && judge.Switch.IsBanned(culprit.Id), "dropped and banned");
        await Eventually.True(() => judge.Switch.Counters.HandshakeFailures(HandshakeFailure.Banned) >= 1, "its redial is refused");
        Assert.False(judge.IsConnectedTo(culprit));
    }

    [Fact]
    public async Task Simultaneous_dials_leave_one_connection_the_same_on_both_sides()
    {
        await using var net = new TestNetwork();
        var a = net.Start(0);
        var b = net.Start(1);

        for (var round = 0; round < 3; round++)
        {
            var dials = new[] { a.Switch.DialAsync(b.Address), b.Switch.DialAsync(a.Address) };
            await Task.WhenAll(dials.Select(d => d.ContinueWith(_ => { }, TaskScheduler.Default)));
        }

        var lowerDials = a.Id < b.Id;
        await Eventually.True(
            () => a.IsConnectedTo(b) && b.IsConnectedTo(a) && a.PeerFor(b).IsOutbound == lowerDials && b.PeerFor(a).IsOutbound == !lowerDials,
            "both sides keep the connection dialed by the lower id");
        await Eventually.True(() => a.Reactor.AddCount - a.Reactor.RemoveCount == 1 && b.Reactor.AddCount - b.Reactor.RemoveCount == 1, "reactors see one live peer");
        Assert.Single(a.Switch.Peers);
        Assert.Single(b.Switch.Peers);
        var peer = a.PeerFor(b);
        Assert.True(peer.TrySend(ChannelId.Consensus, Bytes("still works")));
        await Eventually.True(() => b.Reactor.Messages.Count == 1, "message over the kept connection");
    }

    [Fact]
    public async Task A_node_removed_from_the_registry_is_disconnected_on_revalidation()
    {
        await using var net = new TestNetwork();
        var a = net.Start(0);
        var b = net.Start(1);
        await a.Switch.DialAsync(b.Address);
        await Connected(a, b);

        net.Registry.Replace([a.Id]);
        a.Switch.RevalidatePeers();

        await Eventually.True(() => !a.IsConnectedTo(b) && !b.IsConnectedTo(a), "disconnected");
        Assert.False(a.Switch.IsBanned(b.Id));
    }

    [Fact]
    public async Task A_silent_peer_is_pinged_then_disconnected_after_the_idle_timeout()
    {
        await using var net = new TestNetwork();
        var clock = new ManualTimeProvider();
        var node = net.Start(0, TestNetwork.Options() with { PingInterval = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(45) }, time: clock);
        var identity = TestNetwork.Identity(1);
        using var raw = await RawPeer.ConnectAsync(node, identity, net.Crypto);
        await Eventually.True(() => node.Switch.TryGetPeer(identity.Id, out _), "raw peer registered");

        node.Switch.TryGetPeer(identity.Id, out var peer);

        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(new byte[] { 0x02 }, await raw.ReadFrameAsync());
        await Eventually.True(() => !((Peer)peer!).IsWriting, "the ping write has completed"); // else the frozen clock reads it as a stall
        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.True(peer!.IsConnected, "still within the idle timeout");

        clock.Advance(TimeSpan.FromSeconds(10));

        await raw.AssertClosedByRemoteAsync();
        Assert.False(node.Switch.IsBanned(identity.Id));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("sent nothing", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_peer_that_stops_reading_is_disconnected_after_the_stall_timeout()
    {
        await using var net = new TestNetwork();
        var clock = new ManualTimeProvider();
        var options = TestNetwork.Options() with { PingInterval = TimeSpan.FromSeconds(10), IdleTimeout = TimeSpan.FromSeconds(45), SendStallTimeout = TimeSpan.FromSeconds(20), SocketBufferBytes = 16 * 1024 };
        var node = net.Start(0, options, time: clock);
        var identity = TestNetwork.Identity(1);
        using var raw = await RawPeer.ConnectAsync(node, identity, net.Crypto, socketBufferBytes: 16 * 1024);
        await Eventually.True(() => node.Switch.TryGetPeer(identity.Id, out _), "raw peer registered");
        node.Switch.TryGetPeer(identity.Id, out var peer);

        var block = new byte[1024 * 1024];
        while (peer!.TrySend(ChannelId.BlockSync, block))
        {
        }

        await Eventually.True(() => ((Peer)peer).IsWriting, "a write is pending on the full socket");
        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.True(peer.IsConnected, "stalled for exactly the timeout, not more");
        clock.Advance(TimeSpan.FromSeconds(10));

        await Eventually.True(() => !peer.IsConnected, "disconnected");
        Assert.False(node.Switch.IsBanned(identity.Id));
        Assert.Contains(node.Logger.Lines, l => l.Message.Contains("has not read", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_traffic_observer_sees_the_same_bytes_as_the_counters()
    {
        await using var net = new TestNetwork();
        var observer = new SummingObserver();
        var a = net.Start(0, observer: observer);
        var b = net.Start(1);
        await a.Switch.DialAsync(b.Address);
        await Connected(a, b);

        a.PeerFor(b).TrySend(ChannelId.BlockSync, new byte[200_000]);
        b.PeerFor(a).TrySend(ChannelId.Mempool, new byte[300]);

        await Eventually.True(() => b.Reactor.Messages.Count == 1 && a.Reactor.Messages.Count == 1, "both messages arrive");
        Assert.Equal(200_000, observer.Sent[(int)ChannelId.BlockSync]);
        Assert.Equal(300, observer.Received[(int)ChannelId.Mempool]);
        Assert.Equal(a.Switch.Counters.Traffic(ChannelId.BlockSync).BytesSent, observer.Sent[(int)ChannelId.BlockSync]);
    }

    private sealed class SummingObserver : IChannelTrafficObserver
    {
        public long[] Sent { get; } = new long[256];

        public long[] Received { get; } = new long[256];

        void IChannelTrafficObserver.Sent(ChannelId channel, int bytes) => Interlocked.Add(ref Sent[(int)channel], bytes);

        void IChannelTrafficObserver.Received(ChannelId channel, int bytes) => Interlocked.Add(ref Received[(int)channel], bytes);
    }
}
