using DaiChain.Consensus.Core;
using DaiChain.Consensus.Staking;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Tests.Core;

public class HeightMachineTests
{
    private static readonly Hash256 V = TestCommittees.Value(1);
    private static readonly Hash256 W = TestCommittees.Value(2);

    /// <summary>The signed vote in these tests is the vote itself, boxed in a class.</summary>
    private sealed record Signed(ConsensusVote Vote);

    private sealed class Harness
    {
        public Harness(Committee committee, int self, long height = 1)
        {
            Machine = new HeightMachine<Signed>(height, ProposerSchedule.Genesis(committee), self);
        }

        public HeightMachine<Signed> Machine { get; }

        public List<RoundEffect> Effects { get; } = [];

        public RoundState State => Machine.State;

        public List<RoundEffect> Take()
        {
            var taken = Effects.ToList();
            Effects.Clear();
            return taken;
        }

        public VoteAddResult Vote(VoteType kind, int round, Hash256? value, int validator) =>
            Machine.OnVote(new ConsensusVote(kind, Machine.Height, round, value, validator), new Signed(new ConsensusVote(kind, Machine.Height, round, value, validator)), Effects, out _);

        public void Votes(VoteType kind, int round, Hash256? value, params int[] validators)
        {
            foreach (var validator in validators)
            {
                Assert.Equal(VoteAddResult.Added, Vote(kind, round, value, validator));
            }
        }

        public ProposalResult Propose(int round, Hash256 value, int validRound = -1, bool valid = true) =>
            Machine.OnProposal(new ProposalView(round, value, validRound, Machine.ProposerOf(round)), valid, true, Effects);
    }

    private static int NotProposerOfRoundZero(Committee committee) =>
        (ProposerSchedule.Genesis(committee).Proposer + 1) % committee.Count;

    [Fact]
    public void Four_equal_validators_decide_in_round_zero()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        h.Take();

        Assert.Equal(ProposalResult.Accepted, h.Propose(0, V));
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 0, V), h.Take());

        h.Votes(VoteType.Prevote, 0, V, 0, 1);
        Assert.Empty(h.Take());
        h.Votes(VoteType.Prevote, 0, V, 2);
        var afterPolka = h.Take();
        Assert.Contains(new RoundEffect.ScheduleTimeout(TimeoutKind.Prevote, 1, 0), afterPolka);
        Assert.Contains(new RoundEffect.Vote(VoteType.Precommit, 1, 0, V), afterPolka);
        Assert.Equal((V, 0), (h.State.LockedValue, h.State.LockedRound));

        h.Votes(VoteType.Precommit, 0, V, 0, 1, 3);
        Assert.Contains(new RoundEffect.Decide(1, 0, V), h.Take());
        Assert.Equal(ConsensusStep.Commit, h.State.Step);

        var certificate = h.Machine.Keeper.Round(0)!.Precommits.VotesFor(V);
        Assert.Equal([0, 1, 3], certificate.Select(s => s.Vote.ValidatorIndex));
    }

    [Fact]
    public void Proposer_asks_for_a_value_and_proposes_it()
    {
        var committee = TestCommittees.Equal(4);
        var proposer = ProposerSchedule.Genesis(committee).Proposer;
        var h = new Harness(committee, proposer);
        h.Machine.Start(h.Effects);
        Assert.Contains(new RoundEffect.GetValue(1, 0), h.Take());

        h.Machine.OnValueReady(0, V, h.Effects);
        Assert.Equal([new RoundEffect.Propose(1, 0, V, -1)], h.Take());

        // The driver feeds its own signed proposal back, as every process receives its own messages.
        h.Propose(0, V);
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 0, V), h.Take());
    }

    [Fact]
    public void Unequal_power_quorum_is_more_than_two_thirds_of_power_not_of_count()
    {
        // Powers 5, 1, 1, 1 (total 8): validator 0 plus any one other is 6/8 > 2/3; three small ones are 3/8.
        var committee = TestCommittees.WithPowers(5, 1, 1, 1);
        var h = new Harness(committee, 1);
        h.Machine.Start(h.Effects);
        h.Propose(0, V);
        h.Votes(VoteType.Prevote, 0, V, 1, 2, 3);
        Assert.Equal(ConsensusStep.Prevote, h.State.Step);
        h.Votes(VoteType.Prevote, 0, V, 0);
        Assert.Equal(ConsensusStep.Precommit, h.State.Step);
    }

    [Fact]
    public void Nil_polka_precommits_nil_and_precommit_quorum_schedules_the_round_end()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        h.Machine.OnTimeout(TimeoutKind.Propose, 0, h.Effects);
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 0, null), h.Take());

        h.Votes(VoteType.Prevote, 0, null, 0, 1, 2);
        Assert.Contains(new RoundEffect.Vote(VoteType.Precommit, 1, 0, null), h.Take());

        h.Votes(VoteType.Precommit, 0, null, 0, 1, 2);
        Assert.Equal([new RoundEffect.ScheduleTimeout(TimeoutKind.Precommit, 1, 0)], h.Take());
        h.Votes(VoteType.Precommit, 0, null, 3);
        Assert.Empty(h.Take());

        h.Machine.OnTimeout(TimeoutKind.Precommit, 0, h.Effects);
        Assert.Equal((1, ConsensusStep.Propose), (h.State.Round, h.State.Step));
    }

    [Fact]
    public void Votes_from_one_third_in_a_higher_round_skip_to_it_line_55()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        h.Votes(VoteType.Prevote, 3, null, 0);
        Assert.Equal(0, h.State.Round);
        h.Votes(VoteType.Precommit, 3, null, 1);
        Assert.Equal(3, h.State.Round);
        Assert.Contains(new RoundEffect.RoundStarted(1, 3), h.Take());
    }

    [Fact]
    public void Same_validator_twice_in_a_higher_round_does_not_count_twice_for_line_55()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        h.Votes(VoteType.Prevote, 3, null, 0);
        h.Votes(VoteType.Precommit, 3, null, 0);
        Assert.Equal(0, h.State.Round);
    }

    [Fact]
    public void Locked_process_prevotes_nil_for_another_value_without_a_newer_polka()
    {
        var committee = TestCommittees.Equal(4);
        var self = 3;
        var h = new Harness(committee, self);
        h.Machine.Start(h.Effects);
        h.Propose(0, V);
        h.Votes(VoteType.Prevote, 0, V, 0, 1, 2);
        Assert.Equal((V, 0), (h.State.LockedValue, h.State.LockedRound));

        // Round 0 ends without a decision.
        h.Votes(VoteType.Precommit, 0, null, 0, 1, 2);
        h.Machine.OnTimeout(TimeoutKind.Precommit, 0, h.Effects);
        h.Take();
        if (h.Machine.ProposerOf(1) == self)
        {
            return;
        }

        h.Propose(1, W);
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 1, null), h.Take());
    }

    [Fact]
    public void Proposal_carrying_a_polka_the_process_saw_is_prevoted_after_the_polka_arrives_line_28()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 3);
        h.Machine.Start(h.Effects);
        h.Machine.OnTimeout(TimeoutKind.Propose, 0, h.Effects);
        h.Votes(VoteType.Precommit, 0, null, 0, 1, 2);
        h.Machine.OnTimeout(TimeoutKind.Precommit, 0, h.Effects);
        Assert.Equal(1, h.State.Round);
        if (h.Machine.ProposerOf(1) == 3)
        {
            return;
        }

        h.Take();
        h.Propose(1, V, validRound: 0);
        Assert.DoesNotContain(h.Take(), e => e is RoundEffect.Vote);
        h.Votes(VoteType.Prevote, 0, V, 0, 1, 2);
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 1, V), h.Take());
    }

    [Fact]
    public void Proposal_from_a_validator_that_is_not_the_proposer_is_rejected()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        var wrong = (h.Machine.ProposerOf(0) + 1) % 4;
        Assert.Equal(ProposalResult.Rejected, h.Machine.OnProposal(new ProposalView(0, V, -1, wrong), true, true, h.Effects));
        Assert.Equal(ProposalResult.Rejected, h.Machine.OnProposal(new ProposalView(1, V, 1, h.Machine.ProposerOf(1)), true, true, h.Effects));
        Assert.Equal(ProposalResult.Rejected, h.Machine.OnProposal(new ProposalView(99, V, -1, h.Machine.ProposerOf(99)), true, true, h.Effects));
    }

    [Fact]
    public void Second_different_proposal_in_a_round_is_a_conflict_and_its_value_can_still_be_decided()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        Assert.Equal(ProposalResult.Accepted, h.Propose(0, V));
        Assert.Equal(ProposalResult.Duplicate, h.Propose(0, V));
        Assert.Equal(ProposalResult.Conflict, h.Propose(0, W));
        Assert.Equal(ProposalResult.Conflict, h.Propose(0, TestCommittees.Value(3)));
        Assert.Equal(2, h.Machine.ProposalsOf(0).Count);

        h.Votes(VoteType.Precommit, 0, W, 0, 1, 2);
        Assert.Contains(new RoundEffect.Decide(1, 0, W), h.Take());
    }

    [Fact]
    public void Equivocating_vote_is_reported_and_counted_for_its_value_but_once_for_any()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Prevote, 0, V, 2));
        Assert.Equal(VoteAddResult.Duplicate, h.Vote(VoteType.Prevote, 0, V, 2));
        var result = h.Machine.OnVote(new ConsensusVote(VoteType.Prevote, 1, 0, W, 2), new Signed(new ConsensusVote(VoteType.Prevote, 1, 0, W, 2)), h.Effects, out var existing);
        Assert.Equal(VoteAddResult.Conflict, result);
        Assert.Equal(V, existing!.Vote.Value);
        Assert.Equal(VoteAddResult.Duplicate, h.Vote(VoteType.Prevote, 0, W, 2));

        var prevotes = h.Machine.Keeper.Round(0)!.Prevotes;
        Assert.Equal((1, 1, 1), (prevotes.PowerFor(V), prevotes.PowerFor(W), prevotes.AnyPower));
    }

    [Fact]
    public void Polka_that_includes_an_equivocators_second_vote_is_seen_line_28()
    {
        // Validator 3 prevoted nil to this process first and W to the others, who saw a polka for W in round 0.
        // This process must still see that polka when W is re-proposed with valid round 0; otherwise processes
        // locked on different values never converge.
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        h.Votes(VoteType.Prevote, 0, null, 3);
        h.Votes(VoteType.Prevote, 0, W, 1, 2);
        Assert.Equal(VoteAddResult.Conflict, h.Vote(VoteType.Prevote, 0, W, 3));
        Assert.True(h.Machine.Keeper.Round(0)!.Prevotes.HasQuorumFor(W));
    }

    [Fact]
    public void A_validator_keeps_a_bounded_number_of_conflicting_votes()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        h.Votes(VoteType.Prevote, 0, null, 2);
        for (var i = 1; i < 10; i++)
        {
            Assert.Equal(VoteAddResult.Conflict, h.Vote(VoteType.Prevote, 0, TestCommittees.Value(i), 2));
        }

        var counted = Enumerable.Range(1, 9).Count(i => h.Machine.Keeper.Round(0)!.Prevotes.PowerFor(TestCommittees.Value(i)) > 0);
        Assert.Equal(VoteTally<Signed>.MaxVotesPerValidator - 1, counted);
    }

    [Fact]
    public void A_validator_can_open_only_a_bounded_number_of_future_rounds()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Prevote, 1, null, 2));
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Prevote, 10, null, 2));
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Prevote, 11, null, 2));
        Assert.Equal(VoteAddResult.Rejected, h.Vote(VoteType.Prevote, 12, null, 2));

        // A round another validator opened is open to all.
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Prevote, 12, null, 3));
        Assert.Equal(VoteAddResult.Added, h.Vote(VoteType.Precommit, 12, null, 2));
        Assert.Equal(VoteAddResult.Rejected, h.Vote(VoteType.Prevote, HeightMachine<Signed>.MaxRound + 1, null, 1));
    }

    [Fact]
    public void Precommit_quorum_for_an_unknown_value_is_reported_as_missing_until_the_value_arrives()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, 0);
        h.Machine.Start(h.Effects);
        h.Votes(VoteType.Precommit, 0, V, 1, 2, 3);
        Assert.Equal(V, h.Machine.MissingDecisionValue);
        Assert.NotEqual(ConsensusStep.Commit, h.State.Step);

        h.Machine.OnValue(V, true, h.Effects);
        Assert.Contains(new RoundEffect.Decide(1, 0, V), h.Take());
    }

    [Fact]
    public void Invalid_value_is_never_decided_line_50()
    {
        var committee = TestCommittees.Equal(4);
        var h = new Harness(committee, NotProposerOfRoundZero(committee));
        h.Machine.Start(h.Effects);
        h.Propose(0, V, valid: false);
        Assert.Contains(new RoundEffect.Vote(VoteType.Prevote, 1, 0, null), h.Take());
        h.Votes(VoteType.Precommit, 0, V, 0, 1, 2, 3);
        Assert.NotEqual(ConsensusStep.Commit, h.State.Step);
    }

    [Fact]
    public void Same_inputs_give_the_same_effects()
    {
        List<RoundEffect> Run()
        {
            var committee = TestCommittees.WithPowers(3, 1, 4, 1, 5);
            var h = new Harness(committee, 1);
            h.Machine.Start(h.Effects);
            h.Propose(0, V);
            h.Votes(VoteType.Prevote, 0, V, 0, 2);
            h.Votes(VoteType.Prevote, 0, null, 4);
            h.Machine.OnTimeout(TimeoutKind.Prevote, 0, h.Effects);
            h.Votes(VoteType.Precommit, 0, null, 0, 2, 4);
            h.Machine.OnTimeout(TimeoutKind.Precommit, 0, h.Effects);
            h.Votes(VoteType.Precommit, 2, W, 4);
            return h.Take();
        }

        Assert.Equal(Run(), Run());
    }
}
