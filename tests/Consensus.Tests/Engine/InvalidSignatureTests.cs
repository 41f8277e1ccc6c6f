using System.Collections.Concurrent;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.ConsensusSim;
using DaiChain.Ledger.Chain;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Engine;

/// <summary>A peer whose consensus message carries a signature that does not verify is reported to the transport.</summary>
public class InvalidSignatureTests
{
    [Fact]
    public async Task A_forged_vote_is_rejected_and_its_sender_reported_while_a_genuine_one_is_not()
    {
        var run = new SimRun(Scenarios.N4F0 with { Crashes = 0 }, seed: 1);
        var application = run.Nodes[0].Application.Port;
        var validators = application.ValidatorsAt(1)!;
        var transport = new ReportingTransport();
        var engine = new ConsensusEngine(new ConsensusOptions { ChainId = SimRun.ChainId }, application, transport, new ManualClock(), new MemoryWalFile(), null);
        engine.Start();
        using var cancel = new CancellationTokenSource();
        var loop = Task.Run(() => engine.RunAsync(cancel.Token));

        // Validator 1's address and index, signed with another key: the signature does not recover to validator 1.
        var victim = validators[1];
        var otherKey = Enumerable.Range(0, 4).Select(Keys.Validator).First(k => k.Address != victim.Address);
        var signedByOther = Vote.Sign(otherKey.Signer(), SimRun.ChainId, VoteType.Prevote, 1, 0, null, 0, 1);
        var forged = new Vote(VoteType.Prevote, 1, 0, null, 0, victim.Address, 1, signedByOther.Signature);
        var genuineKey = Enumerable.Range(0, 4).Select(Keys.Validator).First(k => k.Address == validators[2].Address);
        var genuine = Vote.Sign(genuineKey.Signer(), SimRun.ChainId, VoteType.Prevote, 1, 0, null, 0, 2);

        Assert.True(engine.Post(new PeerId("honest"), new VoteMessage(genuine)));
        Assert.True(engine.Post(new PeerId("forger"), new VoteMessage(forged)));

        for (var i = 0; i < 500 && transport.Reports.IsEmpty; i++)
        {
            await Task.Delay(10);
        }

        var report = Assert.Single(transport.Reports);
        Assert.Equal(new PeerId("forger"), report.Peer);
        Assert.Contains(victim.Address.ToString(), report.Reason, StringComparison.Ordinal);
        await cancel.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(1, engine.Metrics.InvalidSignaturePeers);
    }

    private sealed class ReportingTransport : IConsensusTransport
    {
        public ConcurrentQueue<(PeerId Peer, string Reason)> Reports { get; } = new();

        public void Broadcast(ConsensusMessage message)
        {
        }

        public void Send(PeerId peer, ConsensusMessage message)
        {
        }

        public void ReportInvalidSignature(PeerId peer, string reason) => Reports.Enqueue((peer, reason));
    }
}
