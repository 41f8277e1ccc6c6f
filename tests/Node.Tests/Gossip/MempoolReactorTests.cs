using System.Collections.Concurrent;
using System.Net;
using DaiChain.Ledger.Transactions;
using DaiChain.Node.Gossip;
using DaiChain.Node.P2P;
using DaiChain.Node.Tests.Chain;
using DaiChain.TestKit;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Gossip;

/// <summary>Transaction gossip over a real mempool: who is sent what.</summary>
public class MempoolReactorTests
{
    private static SignedTransaction Transfer(int account) => Build.A.Transfer.From(TestKit.Keys.Account(account)).Nonce(0).Signed();

    private static (MempoolReactor Reactor, FakePeer A, FakePeer B, FakePeer C, FakeNetwork Network) Mesh()
    {
        var chain = NodeChains.Create(Build.A.Genesis.Build());
        var a = new FakePeer(1);
        var b = new FakePeer(2);
        var c = new FakePeer(3);
        var network = new FakeNetwork([a, b, c]);
        var reactor = new MempoolReactor(new GossipOptions(), chain.Mempool, network, _ => true, NullLogger<MempoolReactor>.Instance);
        return (reactor, a, b, c, network);
    }

    private static byte[] Gossip(params SignedTransaction[] transactions) => TransactionBatch.Encode([.. transactions.Select(t => t.Encoded.ToArray())]);

    [Fact]
    public void A_transaction_goes_to_every_peer_but_the_one_it_came_from_and_only_once()
    {
        var (reactor, a, b, c, _) = Mesh();
        var transfer = Transfer(0);

        reactor.HandleReceived(a, Gossip(transfer));
        Assert.True(reactor.GossipBatch());

        Assert.Empty(a.Transactions);
        Assert.Equal([transfer.Hash], b.Transactions);
        Assert.Equal([transfer.Hash], c.Transactions);
        reactor.HandleReceived(b, Gossip(transfer));
        Assert.False(reactor.GossipBatch());
        Assert.Empty(a.Transactions);
    }

    [Fact]
    public void A_duplicate_is_not_gossiped_again_and_a_local_submission_goes_to_every_peer()
    {
        var (reactor, a, b, c, _) = Mesh();
        var relayed = Transfer(0);
        reactor.HandleReceived(a, Gossip(relayed));
        Assert.True(reactor.GossipBatch());
        reactor.HandleReceived(c, Gossip(relayed));
        Assert.False(reactor.GossipBatch());

        var submitted = Transfer(1);
        Assert.True(reactor.Submit(submitted).Accepted);
        Assert.True(reactor.GossipBatch());

        Assert.Equal([submitted.Hash], a.Transactions);
        Assert.Equal([relayed.Hash, submitted.Hash], b.Transactions);
        Assert.Equal([relayed.Hash, submitted.Hash], c.Transactions);
    }

    [Fact]
    public void A_peer_that_gossips_a_badly_signed_transaction_is_reported()
    {
        var (reactor, a, _, _, network) = Mesh();

        reactor.HandleReceived(a, Gossip(Forge.WithUnrecoverableSignature(Transfer(0))));

        Assert.Equal([a.Id], network.Misbehaving);
        Assert.False(reactor.GossipBatch());
    }

    private sealed class FakeNetwork(IReadOnlyList<IPeer> peers) : IPeerNetwork
    {
        public ConcurrentQueue<PeerId> MisbehavingQueue { get; } = new();

        public IReadOnlyList<PeerId> Misbehaving => [.. MisbehavingQueue];

        public IReadOnlyList<IPeer> Peers => peers;

        public int Broadcast(ChannelId channel, ReadOnlyMemory<byte> message) => throw new NotSupportedException("the mempool reactor sends per peer");

        public void ReportMisbehavior(IPeer peer, string reason) => MisbehavingQueue.Enqueue(peer.Id);
    }

    private sealed class FakePeer(int index) : IPeer
    {
        private readonly List<byte[]> _sent = [];

        public PeerId Id { get; } = P2P.TestIdentities.Node(index).Id;

        public IPEndPoint RemoteEndPoint { get; } = new(IPAddress.Loopback, 30_000 + index);

        public bool IsOutbound => false;

        public bool IsPersistent => false;

        public bool IsConnected => true;

        /// <summary>Hashes of every transaction sent to this peer, in order.</summary>
        public IReadOnlyList<Ledger.Primitives.Hash256> Transactions =>
            [.. _sent.SelectMany(message => TransactionBatch.Decode(message)).Select(bytes => SignedTransaction.FromBytes(bytes).Hash)];

        public bool TrySend(ChannelId channel, ReadOnlyMemory<byte> message)
        {
            Assert.Equal(ChannelId.Mempool, channel);
            _sent.Add(message.ToArray());
            return true;
        }
    }
}
