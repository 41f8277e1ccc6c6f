using DaiChain.Consensus.Core;
using DaiChain.Ledger;
using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Tests.Core;

public class RoundMachineTests
{
    private static readonly Hash256 V = TestCommittees.Value(1);
    private static readonly Hash256 W = TestCommittees.Value(2);

    private static RoundState Started(bool proposer = false)
    {
        var (state, _) = RoundMachine.Apply(RoundState.Initial(5), new RoundInput.Start(proposer));
        return state;
    }

    private static RoundState InStep(ConsensusStep step, int round = 0) => Started() with { Round = round, Step = step };

    [Fact]
    public void Start_enters_round_zero_in_propose_and_schedules_timeout_propose_line_21()
    {
        var (state, effects) = RoundMachine.Apply(RoundState.Initial(5), new RoundInput.Start(false));
        Assert.Equal(0, state.Round);
        Assert.Equal(ConsensusStep.Propose, state.Step);
        Assert.Contains(new RoundEffect.ScheduleTimeout(TimeoutKind.Propose, 5, 0), effects);
        Assert.DoesNotContain(effects, e => e is RoundEffect.GetValue or RoundEffect.Propose);
    }

    [Fact]
    public void Proposer_without_valid_value_asks_for_a_value_line_18_then_proposes_it_line_19()
    {
        var (state, effects) = RoundMachine.Apply(RoundState.Initial(5), new RoundInput.Start(true));
        Assert.Contains(new RoundEffect.GetValue(5, 0), effects);

        var (after, proposed) = RoundMachine.Apply(state, new RoundInput.ValueReady(0, V));
        Assert.Equal(state, after);
        Assert.Equal([new RoundEffect.Propose(5, 0, V, -1)], proposed);
    }

    [Fact]
    public void Proposer_with_valid_value_reproposes_it_with_its_valid_round_lines_15_16()
    {
        var state = InStep(ConsensusStep.Precommit, 2) with { ValidValue = W, ValidRound = 1 };
        var (next, effects) = RoundMachine.Apply(state, new RoundInput.TimeoutPrecommit(2, NextIsProposer: true));
        Assert.Equal(3, next.Round);
        Assert.Contains(new RoundEffect.Propose(5, 3, W, 1), effects);
        Assert.DoesNotContain(effects, e => e is RoundEffect.GetValue);
    }

    [Fact]
    public void Value_ready_for_an_old_round_is_ignored()
    {
        var state = InStep(ConsensusStep.Propose, 1);
        var (next, effects) = RoundMachine.Apply(state, new RoundInput.ValueReady(0, V));
        Assert.Equal(state, next);
        Assert.Empty(effects);
    }

    [Fact]
    public void Valid_proposal_when_unlocked_gets_a_prevote_line_24()
    {
        var (state, effects) = RoundMachine.Apply(Started(), new RoundInput.Proposal(0, V, true));
        Assert.Equal(ConsensusStep.Prevote, state.Step);
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 0, V)], effects);
    }

    [Fact]
    public void Invalid_proposal_gets_a_nil_prevote_line_26()
    {
        var (state, effects) = RoundMachine.Apply(Started(), new RoundInput.Proposal(0, V, false));
        Assert.Equal(ConsensusStep.Prevote, state.Step);
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 0, null)], effects);
    }

    [Fact]
    public void Proposal_of_another_value_than_the_locked_one_gets_nil_line_23()
    {
        var state = InStep(ConsensusStep.Propose, 1) with { LockedValue = W, LockedRound = 0 };
        var (_, effects) = RoundMachine.Apply(state, new RoundInput.Proposal(1, V, true));
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 1, null)], effects);

        var (_, same) = RoundMachine.Apply(state, new RoundInput.Proposal(1, W, true));
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 1, W)], same);
    }

    [Fact]
    public void Proposal_with_a_newer_polka_unlocks_line_29()
    {
        var state = InStep(ConsensusStep.Propose, 3) with { LockedValue = W, LockedRound = 1 };
        var (_, effects) = RoundMachine.Apply(state, new RoundInput.ProposalWithPolka(3, V, 2, true));
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 3, V)], effects);
    }

    [Fact]
    public void Proposal_with_an_older_polka_than_the_lock_gets_nil_line_32()
    {
        var state = InStep(ConsensusStep.Propose, 3) with { LockedValue = W, LockedRound = 2 };
        var (next, effects) = RoundMachine.Apply(state, new RoundInput.ProposalWithPolka(3, V, 1, true));
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 3, null)], effects);
        Assert.Equal(ConsensusStep.Prevote, next.Step);
    }

    [Fact]
    public void Proposal_with_polka_needs_valid_round_below_the_current_round_line_28()
    {
        var state = InStep(ConsensusStep.Propose, 2);
        Assert.Empty(RoundMachine.Apply(state, new RoundInput.ProposalWithPolka(2, V, 2, true)).Effects);
        Assert.Empty(RoundMachine.Apply(state, new RoundInput.ProposalWithPolka(2, V, -1, true)).Effects);
    }

    [Fact]
    public void Polka_any_in_prevote_schedules_timeout_prevote_line_34()
    {
        var (_, effects) = RoundMachine.Apply(InStep(ConsensusStep.Prevote), new RoundInput.PolkaAny(0));
        Assert.Equal([new RoundEffect.ScheduleTimeout(TimeoutKind.Prevote, 5, 0)], effects);
        Assert.Empty(RoundMachine.Apply(InStep(ConsensusStep.Precommit), new RoundInput.PolkaAny(0)).Effects);
    }

    [Fact]
    public void Polka_for_value_in_prevote_locks_and_precommits_lines_37_to_43()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Prevote, 1), new RoundInput.PolkaValue(1, V));
        Assert.Equal([new RoundEffect.Vote(VoteType.Precommit, 5, 1, V)], effects);
        Assert.Equal(ConsensusStep.Precommit, state.Step);
        Assert.Equal((V, 1, V, 1), (state.LockedValue, state.LockedRound, state.ValidValue, state.ValidRound));
    }

    [Fact]
    public void Polka_for_value_in_precommit_only_updates_valid_value_lines_42_43()
    {
        var locked = InStep(ConsensusStep.Precommit, 1) with { LockedValue = W, LockedRound = 0 };
        var (state, effects) = RoundMachine.Apply(locked, new RoundInput.PolkaValue(1, V));
        Assert.Empty(effects);
        Assert.Equal((W, 0, V, 1), (state.LockedValue, state.LockedRound, state.ValidValue, state.ValidRound));
    }

    [Fact]
    public void Polka_for_value_in_propose_does_nothing_line_36_needs_step_at_least_prevote()
    {
        var state = InStep(ConsensusStep.Propose);
        var (next, effects) = RoundMachine.Apply(state, new RoundInput.PolkaValue(0, V));
        Assert.Equal(state, next);
        Assert.Empty(effects);
    }

    [Fact]
    public void Polka_nil_precommits_nil_line_45()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Prevote), new RoundInput.PolkaNil(0));
        Assert.Equal([new RoundEffect.Vote(VoteType.Precommit, 5, 0, null)], effects);
        Assert.Equal(ConsensusStep.Precommit, state.Step);
        Assert.Null(state.LockedValue);
    }

    [Fact]
    public void Precommit_any_schedules_timeout_precommit_in_any_step_line_47()
    {
        foreach (var step in new[] { ConsensusStep.Propose, ConsensusStep.Prevote, ConsensusStep.Precommit })
        {
            var (_, effects) = RoundMachine.Apply(InStep(step), new RoundInput.PrecommitAny(0));
            Assert.Equal([new RoundEffect.ScheduleTimeout(TimeoutKind.Precommit, 5, 0)], effects);
        }
    }

    [Fact]
    public void Commit_decides_once_for_any_round_line_49()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Prevote, 4), new RoundInput.Commit(2, V));
        Assert.Equal([new RoundEffect.Decide(5, 2, V)], effects);
        Assert.Equal((ConsensusStep.Commit, V, 2), (state.Step, state.Decision, state.DecisionRound));

        var (again, none) = RoundMachine.Apply(state, new RoundInput.Commit(4, W));
        Assert.Equal(state, again);
        Assert.Empty(none);
    }

    [Fact]
    public void Decided_height_ignores_every_input()
    {
        var decided = RoundMachine.Apply(InStep(ConsensusStep.Precommit), new RoundInput.Commit(0, V)).State;
        RoundInput[] inputs =
        [
            new RoundInput.TimeoutPrecommit(0, true), new RoundInput.SkipRound(7, true), new RoundInput.Proposal(0, W, true),
            new RoundInput.PolkaNil(0), new RoundInput.TimeoutPrevote(0), new RoundInput.PrecommitAny(0),
        ];
        foreach (var input in inputs)
        {
            var (state, effects) = RoundMachine.Apply(decided, input);
            Assert.Equal(decided, state);
            Assert.Empty(effects);
        }
    }

    [Fact]
    public void Skip_round_starts_a_higher_round_only_line_55()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Precommit, 1), new RoundInput.SkipRound(4, false));
        Assert.Equal((4, ConsensusStep.Propose), (state.Round, state.Step));
        Assert.Contains(new RoundEffect.ScheduleTimeout(TimeoutKind.Propose, 5, 4), effects);

        Assert.Empty(RoundMachine.Apply(state, new RoundInput.SkipRound(4, false)).Effects);
        Assert.Empty(RoundMachine.Apply(state, new RoundInput.SkipRound(2, false)).Effects);
    }

    [Fact]
    public void Timeout_propose_prevotes_nil_only_in_its_round_and_step_line_57()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Propose, 2), new RoundInput.TimeoutPropose(2));
        Assert.Equal([new RoundEffect.Vote(VoteType.Prevote, 5, 2, null)], effects);
        Assert.Equal(ConsensusStep.Prevote, state.Step);

        Assert.Empty(RoundMachine.Apply(InStep(ConsensusStep.Propose, 2), new RoundInput.TimeoutPropose(1)).Effects);
        Assert.Empty(RoundMachine.Apply(InStep(ConsensusStep.Prevote, 2), new RoundInput.TimeoutPropose(2)).Effects);
    }

    [Fact]
    public void Timeout_prevote_precommits_nil_only_in_its_round_and_step_line_61()
    {
        var (state, effects) = RoundMachine.Apply(InStep(ConsensusStep.Prevote, 2), new RoundInput.TimeoutPrevote(2));
        Assert.Equal([new RoundEffect.Vote(VoteType.Precommit, 5, 2, null)], effects);
        Assert.Equal(ConsensusStep.Precommit, state.Step);
        Assert.Empty(RoundMachine.Apply(InStep(ConsensusStep.Precommit, 2), new RoundInput.TimeoutPrevote(2)).Effects);
    }

    [Fact]
    public void Timeout_precommit_starts_the_next_round_line_65()
    {
        var (state, _) = RoundMachine.Apply(InStep(ConsensusStep.Precommit, 2), new RoundInput.TimeoutPrecommit(2, false));
        Assert.Equal((3, ConsensusStep.Propose), (state.Round, state.Step));
        Assert.Empty(RoundMachine.Apply(state, new RoundInput.TimeoutPrecommit(2, false)).Effects);
    }

    [Fact]
    public void Locks_survive_new_rounds_until_the_height_ends_line_53()
    {
        var locked = RoundMachine.Apply(InStep(ConsensusStep.Prevote), new RoundInput.PolkaValue(0, V)).State;
        var next = RoundMachine.Apply(locked, new RoundInput.TimeoutPrecommit(0, false)).State;
        Assert.Equal((V, 0, V, 0), (next.LockedValue, next.LockedRound, next.ValidValue, next.ValidRound));
        Assert.Equal(-1, RoundState.Initial(6).LockedRound);
    }

    [Fact]
    public void Applying_is_pure()
    {
        var state = InStep(ConsensusStep.Prevote);
        var first = RoundMachine.Apply(state, new RoundInput.PolkaValue(0, V));
        var second = RoundMachine.Apply(state, new RoundInput.PolkaValue(0, V));
        Assert.Equal(first.State, second.State);
        Assert.Equal(first.Effects, second.Effects);
        Assert.Equal(ConsensusStep.Prevote, state.Step);
    }

    [Fact]
    public void Starting_a_round_backwards_breaks_an_invariant()
    {
        var state = InStep(ConsensusStep.Precommit, 3);
        Assert.Throws<InvariantViolationException>(() => RoundMachine.Apply(state with { Round = int.MaxValue }, new RoundInput.TimeoutPrecommit(int.MaxValue, false)));
    }
}
