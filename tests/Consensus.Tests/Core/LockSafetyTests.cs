using DaiChain.Consensus.Core;
using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Tests.Core;

/// <summary>
/// The classic attack on locking, scripted message by message over three correct height machines and one
/// equivocating validator. Random simulation rarely produces this schedule, so the rule that defeats it is
/// pinned here: remove line 23's <c>lockedValue_p = v</c> condition and the correct processes decide two values.
/// </summary>
public class LockSafetyTests
{
    private static readonly Hash256 V = TestCommittees.Value(1);
    private static readonly Hash256 W = TestCommittees.Value(2);

    private sealed record Signed(ConsensusVote Vote);

    private sealed class Process(Committee committee, int self)
    {
        public HeightMachine<Signed> Machine { get; } = new(1, ProposerSchedule.Genesis(committee), self);

        public List<RoundEffect> Effects { get; } = [];

        public int Self { get; } = self;

        public void Vote(VoteType kind, int round, Hash256? value, int validator)
        {
            var vote = new ConsensusVote(kind, 1, round, value, validator);
            Machine.OnVote(vote, new Signed(vote), Effects, out _);
        }

        public void Propose(int round, Hash256 value) =>
            Machine.OnProposal(new ProposalView(round, value, -1, Machine.ProposerOf(round)), true, true, Effects);

        public Hash256? Decided => Machine.State.Decision;
    }

    [Fact]
    public void An_equivocator_cannot_make_correct_processes_decide_two_values()
    {
        // Validators 0, 1, 2 are correct; 3 is byzantine. All powers equal: a quorum is any three.
        var committee = TestCommittees.Equal(4);
        var p = Enumerable.Range(0, 3).Select(i => new Process(committee, i)).ToArray();
        foreach (var process in p)
        {
            process.Machine.Start(process.Effects);
        }

        // Round 0: V is proposed; 0, 1, 2 and the byzantine 3 prevote V, so 0 and 1 see the polka and lock V.
        // Process 2 sees only its own and 1's prevote before its prevote timeout and precommits nil.
        foreach (var process in p)
        {
            process.Propose(0, V);
        }

        foreach (var target in new[] { p[0], p[1] })
        {
            foreach (var voter in new[] { 0, 1, 3 })
            {
                target.Vote(VoteType.Prevote, 0, V, voter);
            }
        }

        p[2].Vote(VoteType.Prevote, 0, V, 1);
        p[2].Vote(VoteType.Prevote, 0, V, 2);
        p[2].Machine.OnTimeout(TimeoutKind.Prevote, 0, p[2].Effects);
        Assert.Equal(V, p[0].Machine.State.LockedValue);
        Assert.Equal(V, p[1].Machine.State.LockedValue);
        Assert.Null(p[2].Machine.State.LockedValue);

        // The byzantine precommits V to process 0 only (and nil to 1 and 2): 0 decides V in round 0.
        p[0].Vote(VoteType.Precommit, 0, V, 0);
        p[0].Vote(VoteType.Precommit, 0, V, 1);
        p[0].Vote(VoteType.Precommit, 0, V, 3);
        Assert.Equal(V, p[0].Decided);

        foreach (var target in new[] { p[1], p[2] })
        {
            target.Vote(VoteType.Precommit, 0, V, 1);
            target.Vote(VoteType.Precommit, 0, null, 2);
            target.Vote(VoteType.Precommit, 0, null, 3);
            target.Machine.OnTimeout(TimeoutKind.Precommit, 0, target.Effects);
            Assert.Null(target.Decided);
        }

        // Round 1: a fresh value W is proposed (process 2 never saw V's polka). The byzantine prevotes and
        // precommits W everywhere. Processes 1 and 2 exchange whatever their own rules make them send.
        foreach (var target in new[] { p[1], p[2] })
        {
            target.Effects.Clear();
            target.Propose(1, W);
        }

        Hash256? Sent(Process process, VoteType kind) =>
            process.Effects.OfType<RoundEffect.Vote>().LastOrDefault(e => e.Kind == kind && e.Round == 1)?.Value;

        var prevotes = new[] { Sent(p[1], VoteType.Prevote), Sent(p[2], VoteType.Prevote) };
        foreach (var target in new[] { p[1], p[2] })
        {
            target.Vote(VoteType.Prevote, 1, prevotes[0], 1);
            target.Vote(VoteType.Prevote, 1, prevotes[1], 2);
            target.Vote(VoteType.Prevote, 1, W, 3);
        }

        var precommits = new[] { Sent(p[1], VoteType.Precommit), Sent(p[2], VoteType.Precommit) };
        foreach (var target in new[] { p[1], p[2] })
        {
            if (precommits[0] is not null || precommits[1] is not null)
            {
                target.Vote(VoteType.Precommit, 1, precommits[0], 1);
                target.Vote(VoteType.Precommit, 1, precommits[1], 2);
            }

            target.Vote(VoteType.Precommit, 1, W, 3);
        }

        // Agreement: no correct process decides anything but V.
        Assert.All(p, process => Assert.True(process.Decided is null || process.Decided == V, $"process {process.Self} decided {process.Decided}, another decided {V}"));
    }
}
