using DaiChain.Consensus.Core;
using DaiChain.Consensus.Engine;
using DaiChain.Consensus.Messages;
using DaiChain.Consensus.Signing;
using DaiChain.ConsensusSim;
using DaiChain.ConsensusSim.Byzantine;
using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.TestKit;

namespace DaiChain.Consensus.Tests.Engine;

/// <summary>
/// The driver over production code in small simulated clusters: crashes injected at every WAL write, at every
/// signer save and right after application commits, replay of locks, exact reproducibility, halting, bounds.
/// Every run checks the simulation's invariants (agreement, validity, no honest double-sign, liveness, evidence).
/// </summary>
public class ConsensusEngineTests
{
    /// <summary>Four honest validators, a clean network, no scheduled faults: only what a test injects happens.</summary>
    private static readonly Scenario Clean = Scenarios.N4F0 with
    {
        Name = "N4Clean",
        Crashes = 0,
        Faulty = NetworkConditions.Good,
        HealAtMs = 2_500,
        TargetHeight = 6,
        LivenessBoundMs = 30_000,
    };

    private static void AssertPassed(SimResult result, string context) =>
        Assert.True(result.Passed, $"{context}: {result}");

    [Fact]
    public void Crash_at_every_wal_write_keeps_every_invariant()
    {
        var writes = 0;
        for (var k = 1; k <= 150; k++)
        {
            var run = new SimRun(Clean, seed: 7);
            run.Nodes[1].Wal.CrashAtWrite = k;
            var result = run.Run();
            AssertPassed(result, $"crash at WAL write {k}");
            Assert.Equal(2, run.Nodes[1].Starts);
            writes = Math.Max(writes, run.Nodes[1].Wal.Writes);
        }

        Assert.True(writes > 150, "the runs should write more than the crash points tried");
    }

    [Fact]
    public void Crash_at_every_wal_write_of_a_restart_keeps_every_invariant()
    {
        for (var k = 1; k <= 40; k++)
        {
            var run = new SimRun(Clean, seed: 11);
            var node = run.Nodes[2];
            node.Wal.CrashAtWrite = 60;
            var armAt = k;
            node.BeforeStart = n =>
            {
                if (n.Starts == 2)
                {
                    n.Wal.CrashAtWrite = n.Wal.Writes + armAt;
                }
            };
            var result = run.Run();
            AssertPassed(result, $"crash at write {k} after the first restart");
            Assert.True(node.Starts >= 2);
        }
    }

    [Fact]
    public void Crash_at_every_signer_save_keeps_every_invariant()
    {
        for (var k = 1; k <= 20; k++)
        {
            foreach (var afterPersist in new[] { false, true })
            {
                var run = new SimRun(Clean, seed: 3);
                run.Nodes[0].SignerStore.CrashOnSave = (k, afterPersist);
                AssertPassed(run.Run(), $"crash at signer save {k} ({(afterPersist ? "after" : "before")} it is durable)");
                Assert.Equal(2, run.Nodes[0].Starts);
            }
        }
    }

    [Fact]
    public void Crash_right_after_an_application_commit_resumes_at_the_next_height()
    {
        for (ulong height = 1; height <= 5; height++)
        {
            var run = new SimRun(Clean, seed: 5);
            run.Nodes[3].Application.CrashAfterCommitOf = height;
            AssertPassed(run.Run(), $"crash after committing height {height}");
            Assert.Equal(2, run.Nodes[3].Starts);
        }
    }

    [Fact]
    public void Every_torn_tail_of_the_wal_is_repaired_on_restart()
    {
        var pendingAtCrash = 0;
        for (var kept = 0; ; kept++)
        {
            var run = new SimRun(Clean, seed: 21);
            run.Start();
            var node = run.Nodes[0];
            run.Scheduler.RunUntil(() => node.Engine is { } e && e.Height == 3 && e.State.Step == ConsensusStep.Precommit, 10_000);
            pendingAtCrash = node.Wal.PendingBytes;
            node.Crash(kept);
            AssertPassed(run.Finish(), $"crash keeping {kept} of {pendingAtCrash} unsynced WAL bytes");
            if (kept >= pendingAtCrash)
            {
                break;
            }
        }

        Assert.True(pendingAtCrash > 0, "the crash point should leave unsynced bytes to tear");
    }

    [Fact]
    public void Replay_restores_the_lock_and_the_round()
    {
        var run = new SimRun(Clean, seed: 9);
        run.Start();
        var node = run.Nodes[1];
        Assert.True(run.Scheduler.RunUntil(() => node.Engine is { } e && e.Height == 2 && e.State.LockedRound >= 0 && e.State.Step == ConsensusStep.Precommit, 10_000));
        var before = node.Engine!.State;
        node.Crash(0);
        node.Start();
        var after = node.Engine!.State;
        Assert.Equal((before.Round, before.LockedValue, before.LockedRound, before.ValidValue, before.ValidRound), (after.Round, after.LockedValue, after.LockedRound, after.ValidValue, after.ValidRound));
        Assert.True(node.Engine.Metrics.WalRecordsReplayed > 0);
        AssertPassed(run.Finish(), "after the replay");
    }

    [Theory]
    [InlineData("N4F1Byzantine", 1)]
    [InlineData("N4F1Byzantine", 2)]
    [InlineData("Twins4", 3)]
    [InlineData("N4Partition2x2", 4)]
    public void The_same_seed_reproduces_the_same_run(string scenario, int seed)
    {
        var first = SimRun.Execute(Scenarios.ByName(scenario), seed);
        var second = SimRun.Execute(Scenarios.ByName(scenario), seed);
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(first.Stats.Fingerprint, second.Stats.Fingerprint);
        Assert.NotEqual(first.Stats.Fingerprint, SimRun.Execute(Scenarios.ByName(scenario), seed + 1000).Stats.Fingerprint);
    }

    [Fact]
    public void A_broken_invariant_halts_the_engine()
    {
        var run = new SimRun(Scenarios.N1 with { Crashes = 0 }, seed: 1);
        var application = new ForgetfulApplication(run.Nodes[0].Application.Port);
        var scheduler = run.Scheduler;
        var clock = new VirtualTimeProvider(scheduler);
        var engine = new ConsensusEngine(new ConsensusOptions { ChainId = SimRun.ChainId, CommitTimeout = TimeSpan.FromMilliseconds(10) }, application, new SilentTransport(), clock, new MemoryWalFile(), new GuardedSigner(Keys.Validator(0).Signer(), new MemorySignerStateStore(), SimRun.ChainId));
        Exception? thrown = null;
        clock.AfterFire = () =>
        {
            try
            {
                engine.ProcessPending();
            }
            catch (InvariantViolationException e)
            {
                thrown = e;
            }
        };
        engine.Start();
        scheduler.RunUntil(() => thrown is not null, 10_000);

        Assert.IsType<InvariantViolationException>(thrown);
        Assert.Same(thrown, engine.Halted);
        Assert.Contains("did not commit", thrown!.Message, StringComparison.Ordinal);
        Assert.False(engine.Post(new PeerId("x"), new VoteMessage(Vote.Sign(Keys.Validator(0).Signer(), SimRun.ChainId, VoteType.Prevote, 1, 0, null, 0, 0))));
    }

    [Fact]
    public void The_inbox_is_bounded_and_counts_what_it_drops()
    {
        var run = new SimRun(Scenarios.N1 with { Crashes = 0 }, seed: 1);
        var engine = new ConsensusEngine(new ConsensusOptions { ChainId = SimRun.ChainId, InboxCapacity = 2 }, run.Nodes[0].Application.Port, new SilentTransport(), new VirtualTimeProvider(run.Scheduler), new MemoryWalFile(), null);
        engine.Start();
        var vote = new VoteMessage(Vote.Sign(Keys.Validator(0).Signer(), SimRun.ChainId, VoteType.Prevote, 1, 0, null, 0, 0));
        Assert.True(engine.Post(new PeerId("a"), vote));
        Assert.True(engine.Post(new PeerId("a"), vote));
        Assert.False(engine.Post(new PeerId("a"), vote));
        Assert.Equal(1, engine.Metrics.InboxOverflows);
        Assert.Equal(2, engine.ProcessPending());
        Assert.Equal(1, engine.Metrics.DuplicateMessages);
    }

    [Fact]
    public void A_follower_without_a_key_commits_the_same_chain()
    {
        var run = new SimRun(Clean with { Followers = 1 }, seed: 13);
        var result = run.Run();
        AssertPassed(result, "with a follower");
        var follower = run.Nodes[^1];
        Assert.Null(follower.Signer);
        Assert.Equal(-1, follower.Engine!.SelfIndex);
        Assert.True(follower.Application.LastCommittedHeight >= 6);
    }

    /// <summary>An application that forgets to commit: the engine must stop rather than decide the same height twice.</summary>
    private sealed class ForgetfulApplication(IConsensusApplication inner) : IConsensusApplication
    {
        public ulong LastCommittedHeight => inner.LastCommittedHeight;

        public long LastBlockTimeMs => inner.LastBlockTimeMs;

        public ValidatorSet? ValidatorsAt(ulong height) => inner.ValidatorsAt(height);

        public BuiltBlock BuildProposal(BlockRequest request) => inner.BuildProposal(request);

        public BlockVerdict ValidateBlock(ulong height, byte[] block) => inner.ValidateBlock(height, block);

        public CommitOutcome Commit(ulong height, byte[] block, CommitCertificate certificate) => CommitOutcome.Empty;

        public CommittedBlock? LoadCommitted(ulong height) => inner.LoadCommitted(height);
    }
}
