using DaiChain.Node.ConsensusPort;
using DaiChain.Node.P2P;
using DaiChain.Node.Tests.P2P;
using EnginePeerId = DaiChain.Consensus.Engine.PeerId;

namespace DaiChain.Node.Tests.ConsensusPort;

/// <summary>The consensus channel on a real switch pair over loopback.</summary>
public class ConsensusReactorTests
{
    [Fact]
    public async Task A_peer_the_engine_reports_for_an_invalid_signature_is_dropped_and_banned()
    {
        await using var net = new TestNetwork();
        var b = net.Start(1);
        await using var a = new P2PSwitch(TestNetwork.Options(), TestNetwork.Identity(0), net.Crypto, net.Registry, TimeProvider.System, new Random(0), new ListLogger<P2PSwitch>());
        var reactor = new ConsensusReactor(a, 1024 * 1024, _ => true);
        a.AddReactor(reactor);
        a.Start();
        await a.DialAsync(b.Address);
        await Eventually.True(() => a.TryGetPeer(b.Id, out _) && b.Switch.TryGetPeer(TestNetwork.Identity(0).Id, out _), "connected");

        reactor.ReportInvalidSignature(new EnginePeerId("not a connected peer"), "ignored: nobody to punish");
        Assert.True(a.TryGetPeer(b.Id, out _));

        reactor.ReportInvalidSignature(new EnginePeerId(b.Id.ToString()), "a forged prevote");
        await Eventually.True(() => !a.TryGetPeer(b.Id, out _), "the peer was dropped");
        Assert.True(a.IsBanned(b.Id));
    }
}
