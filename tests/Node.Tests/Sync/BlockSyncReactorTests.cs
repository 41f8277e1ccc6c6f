using System.Diagnostics;
using DaiChain.Node.Chain;
using DaiChain.Node.Configuration;
using DaiChain.Node.Metrics;
using DaiChain.Node.P2P;
using DaiChain.Node.Sync;
using DaiChain.Node.Tests.Chain;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Sync;

public sealed class BlockSyncReactorTests
{
    private static readonly SyncOptions Options = new() { Window = 8, RequestTimeout = TimeSpan.FromSeconds(1), StatusInterval = TimeSpan.FromMilliseconds(100) };

    [Fact]
    public async Task A_new_node_downloads_verifies_and_commits_the_blocks_a_peer_has()
    {
        var source = new TestChain();
        var ahead = NodeChains.Create(source.Genesis);
        for (var i = 0; i < 30; i++)
        {
            var block = source.CommitNext(Build.A.Transfer.From(TestKit.Keys.Account(i % 4)).Nonce((ulong)(i / 4)).Signed());
            Assert.True(ahead.ApplySynced(block, source.CommitFor(block)).IsSuccess);
        }

        var behind = NodeChains.Create(source.Genesis);
        var (serving, following) = Connect(ahead, NodeMode.Validator, behind, NodeMode.Audit);
        await using (serving.Reactor)
        await using (following.Reactor)
        {
            serving.Reactor.Start(follow: false);
            following.Reactor.Start(follow: true);

            await Until(() => behind.Height == 30, "the follower to reach height 30");

            Assert.Equal(ahead.Head.LastHeader!.Hash(), behind.Head.LastHeader!.Hash());
            Assert.Equal(ahead.Head.StateRoot, behind.Head.StateRoot);
            Assert.Empty(following.Network.Misbehaviour);
            Assert.Equal(NodeMode.Audit, serving.Reactor.ModeOf(following.Self));
        }
    }

    [Fact]
    public async Task A_peer_serving_a_block_whose_certificate_does_not_verify_is_reported()
    {
        var source = new TestChain();
        var behind = NodeChains.Create(source.Genesis);
        source.CommitNext();
        var network = new LoopbackNetwork();
        var liarId = PeerId.FromPublicKey(TestKit.Keys.Node(9).PublicKey);
        var liar = new LoopbackPeer(liarId, 9);
        var reactor = new BlockSyncReactor(Options, behind, network, NodeMode.Full, TimeProvider.System, new NodeMetrics(new MetricsRegistry()), NullLogger<BlockSyncReactor>.Instance);
        network.Add(liar);
        liar.Deliver = (channel, message) =>
        {
            if (channel == ChannelId.BlockSync && BlockSyncMessage.Decode(message.Span) is BlockSyncMessage.Request request)
            {
                var block = source.Store.GetBlock(request.Height)!;
                var weak = source.CommitFor(block, [0]);
                reactor.Receive(liar, ChannelId.BlockSync, new BlockSyncMessage.BlockAt(request.Height, block.Encode(), weak).Encode());
            }
        };
        await using (reactor)
        {
            reactor.AddPeer(liar);
            reactor.Receive(liar, ChannelId.Status, new StatusMessage(1, source.Head.LastHeader!.Hash(), NodeMode.Validator).Encode());
            reactor.Start(follow: true);

            await Until(() => !network.Misbehaviour.IsEmpty, "the liar to be reported");

            Assert.Equal(0UL, behind.Height);
            Assert.Contains("commit_insufficient_power", network.Misbehaviour.First().Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_validator_waits_until_no_peer_is_more_than_one_block_ahead()
    {
        var source = new TestChain();
        var ahead = NodeChains.Create(source.Genesis);
        for (var i = 0; i < 5; i++)
        {
            var block = source.CommitNext();
            ahead.ApplySynced(block, source.CommitFor(block));
        }

        var behind = NodeChains.Create(source.Genesis);
        var (serving, following) = Connect(ahead, NodeMode.Validator, behind, NodeMode.Validator);
        await using (serving.Reactor)
        await using (following.Reactor)
        {
            serving.Reactor.Start(follow: false);
            following.Reactor.Start(follow: true);
            using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(30));

            Assert.True(await following.Reactor.WaitUntilCaughtUpAsync(TimeSpan.FromSeconds(5), cancel.Token));
            following.Reactor.StopFollowing();

            Assert.True(behind.Height >= 4);
            Assert.False(following.Reactor.IsFollowing);
        }
    }

    [Fact]
    public async Task Without_any_peer_a_validator_stops_waiting_after_the_startup_wait()
    {
        var chain = NodeChains.Create(Build.A.Genesis.Build());
        await using var reactor = new BlockSyncReactor(Options, chain, new LoopbackNetwork(), NodeMode.Validator, TimeProvider.System, new NodeMetrics(new MetricsRegistry()), NullLogger<BlockSyncReactor>.Instance);
        reactor.Start(follow: true);

        Assert.False(await reactor.WaitUntilCaughtUpAsync(TimeSpan.FromMilliseconds(200), CancellationToken.None));
    }

    private static ((BlockSyncReactor Reactor, LoopbackNetwork Network, PeerId Self) A, (BlockSyncReactor Reactor, LoopbackNetwork Network, PeerId Self) B) Connect(LocalChain a, NodeMode aMode, LocalChain b, NodeMode bMode)
    {
        var aId = PeerId.FromPublicKey(TestKit.Keys.Node(0).PublicKey);
        var bId = PeerId.FromPublicKey(TestKit.Keys.Node(1).PublicKey);
        var aNetwork = new LoopbackNetwork();
        var bNetwork = new LoopbackNetwork();
        var aReactor = new BlockSyncReactor(Options, a, aNetwork, aMode, TimeProvider.System, new NodeMetrics(new MetricsRegistry()), NullLogger<BlockSyncReactor>.Instance);
        var bReactor = new BlockSyncReactor(Options, b, bNetwork, bMode, TimeProvider.System, new NodeMetrics(new MetricsRegistry()), NullLogger<BlockSyncReactor>.Instance);
        var aToB = new LoopbackPeer(bId, 2);
        var bToA = new LoopbackPeer(aId, 1);
        aToB.Deliver = (channel, message) => bReactor.Receive(bToA, channel, message);
        bToA.Deliver = (channel, message) => aReactor.Receive(aToB, channel, message);
        aNetwork.Add(aToB);
        bNetwork.Add(bToA);
        aReactor.AddPeer(aToB);
        bReactor.AddPeer(bToA);
        return ((aReactor, aNetwork, aId), (bReactor, bNetwork, bId));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"timed out waiting for {what}");
            await Task.Delay(10);
        }
    }
}
