using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim;
using DaiChain.ConsensusSim.Byzantine;
using DaiChain.Ledger.Chain;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Engine;

/// <summary>The production loop (<see cref="ConsensusEngine.RunAsync"/>) on its own thread, timers from another.</summary>
public class RunLoopTests
{
    [Fact]
    public async Task Loop_commits_heights_as_timers_fire_and_stops_when_cancelled()
    {
        var run = new SimRun(Scenarios.N1 with { Crashes = 0 }, seed: 1);
        var application = new SignallingApplication(run.Nodes[0].Application.Port);
        var clock = new ManualClock();
        var engine = new ConsensusEngine(
            new ConsensusOptions { ChainId = SimRun.ChainId, CommitTimeout = TimeSpan.FromMilliseconds(50) },
            application,
            new SilentTransport(),
            clock,
            new MemoryWalFile(),
            new GuardedSigner(Keys.Validator(0).Signer(), new MemorySignerStateStore(), SimRun.ChainId));
        engine.Start();
        using var cancel = new CancellationTokenSource();
        var loop = Task.Run(() => engine.RunAsync(cancel.Token));

        for (var step = 0; step < 2_000 && application.LastCommittedHeight < 5; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(10));
            await application.Committed.WaitAsync(TimeSpan.FromMilliseconds(20));
        }

        Assert.True(application.LastCommittedHeight >= 5, $"committed {application.LastCommittedHeight}");
        await cancel.CancelAsync();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task Loop_ends_when_the_engine_stops()
    {
        var run = new SimRun(Scenarios.N1 with { Crashes = 0 }, seed: 1);
        var engine = new ConsensusEngine(new ConsensusOptions { ChainId = SimRun.ChainId }, run.Nodes[0].Application.Port, new SilentTransport(), new ManualClock(), new MemoryWalFile(), null);
        engine.Start();
        var loop = Task.Run(() => engine.RunAsync(CancellationToken.None));
        engine.Post(new PeerId("p"), new VoteMessage(Vote.Sign(Keys.Validator(0).Signer(), SimRun.ChainId, VoteType.Prevote, 1, 0, null, 0, 0)));
        engine.Stop();
        await loop.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(loop.IsCompletedSuccessfully);
    }

    private sealed class SignallingApplication(IConsensusApplication inner) : IConsensusApplication
    {
        public SemaphoreSlim Committed { get; } = new(0);

        public ulong LastCommittedHeight => inner.LastCommittedHeight;

        public long LastBlockTimeMs => inner.LastBlockTimeMs;

        public ValidatorSet? ValidatorsAt(ulong height) => inner.ValidatorsAt(height);

        public BuiltBlock BuildProposal(BlockRequest request) => inner.BuildProposal(request);

        public BlockVerdict ValidateBlock(ulong height, byte[] block) => inner.ValidateBlock(height, block);

        public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate)
        {
            var outcome = inner.Commit(height, block, certificate);
            Committed.Release();
            return outcome;
        }

        public CommittedBlock? LoadCommitted(ulong height) => inner.LoadCommitted(height);
    }
}
