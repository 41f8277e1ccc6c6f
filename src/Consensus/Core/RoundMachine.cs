using DaiChain.Ledger;
using DaiChain.Ledger.Chain;

namespace DaiChain.Consensus.Core;

/// <summary>
/// Algorithm 1 of "The latest gossip on BFT consensus" (Buchman, Kwon, Milosevic, 2018) as a pure function:
/// <c>Apply(state, input) → (state, effects)</c>.
/// </summary>
/// <remarks>
/// <para>
/// The machine holds no message log: <see cref="HeightMachine{TSigned}"/> counts voting power and turns each
/// "upon" condition that becomes true into one <see cref="RoundInput"/>. Every branch below names the lines of
/// Algorithm 1 it implements. An input whose guard does not hold (a stale timeout, a proposal for another round,
/// a step already passed) leaves the state unchanged and produces no effect.
/// </para>
/// <para>
/// No clock, no I/O, no randomness, no unordered iteration: the same (state, input) always gives the same
/// (state, effects), which is what lets the driver replay its write-ahead log and the simulation reproduce a seed.
/// </para>
/// </remarks>
public static class RoundMachine
{
    /// <summary>Applies one input; effects are appended to <paramref name="effects"/> in the order they must run.</summary>
    public static RoundState Apply(RoundState state, RoundInput input, ICollection<RoundEffect> effects)
    {
        if (state.Step == ConsensusStep.Commit)
        {
            // Line 49 guard (decision_p[h_p] = nil) failed: the height is decided, nothing else applies.
            return state;
        }

        return input switch
        {
            RoundInput.Start start => OnStart(state, start, effects),
            RoundInput.ValueReady ready => OnValueReady(state, ready, effects),
            RoundInput.Proposal proposal => OnProposal(state, proposal, effects),
            RoundInput.ProposalWithPolka proposal => OnProposalWithPolka(state, proposal, effects),
            RoundInput.PolkaAny polka => OnPolkaAny(state, polka, effects),
            RoundInput.PolkaValue polka => OnPolkaValue(state, polka, effects),
            RoundInput.PolkaNil polka => OnPolkaNil(state, polka, effects),
            RoundInput.PrecommitAny precommits => OnPrecommitAny(state, precommits, effects),
            RoundInput.Commit commit => OnCommit(state, commit, effects),
            RoundInput.SkipRound skip => OnSkipRound(state, skip, effects),
            RoundInput.TimeoutPropose timeout => OnTimeoutPropose(state, timeout, effects),
            RoundInput.TimeoutPrevote timeout => OnTimeoutPrevote(state, timeout, effects),
            RoundInput.TimeoutPrecommit timeout => OnTimeoutPrecommit(state, timeout, effects),
            _ => throw new ArgumentException($"unknown round input {input.GetType().Name}", nameof(input)),
        };
    }

    /// <summary>Convenience form for tests and tools: returns the new state and the effects as a list.</summary>
    public static (RoundState State, IReadOnlyList<RoundEffect> Effects) Apply(RoundState state, RoundInput input)
    {
        var effects = new List<RoundEffect>();
        var next = Apply(state, input, effects);
        return (next, effects);
    }

    // Line 10: upon start do StartRound(0).
    private static RoundState OnStart(RoundState state, RoundInput.Start start, ICollection<RoundEffect> effects) =>
        state.Step == ConsensusStep.Unstarted ? StartRound(state, 0, start.IsProposer, effects) : state;

    // Lines 11-21: Function StartRound(round).
    private static RoundState StartRound(RoundState state, int round, bool isProposer, ICollection<RoundEffect> effects)
    {
        Invariant.Check(round > state.Round, $"StartRound({round}) must move forward from round {state.Round}");

        // Lines 12-13: round_p ← round; step_p ← propose.
        var next = state with { Round = round, Step = ConsensusStep.Propose };
        effects.Add(new RoundEffect.RoundStarted(state.Height, round));
        if (isProposer)
        {
            if (next.ValidValue is { } validValue)
            {
                // Lines 15-16 and 19: proposal ← validValue_p; broadcast ⟨PROPOSAL, h_p, round_p, proposal, validRound_p⟩.
                effects.Add(new RoundEffect.Propose(state.Height, round, validValue, next.ValidRound));
            }
            else
            {
                // Line 18: proposal ← getValue(). Asynchronous here: the answer arrives as ValueReady and
                // line 19 runs in OnValueReady.
                effects.Add(new RoundEffect.GetValue(state.Height, round));
            }
        }

        // Line 21 schedules timeoutPropose for non-proposers. The proposer schedules it too: if getValue() or
        // its own proposal is lost (a crash, a slow application) the round still ends by line 57 instead of
        // waiting forever. For a proposer that did propose, line 57's guard is false by then and nothing happens.
        effects.Add(new RoundEffect.ScheduleTimeout(TimeoutKind.Propose, state.Height, round));
        return next;
    }

    // Line 19, continuing line 18 once getValue() has answered.
    private static RoundState OnValueReady(RoundState state, RoundInput.ValueReady ready, ICollection<RoundEffect> effects)
    {
        if (ready.Round != state.Round || state.Step != ConsensusStep.Propose || state.ValidValue is not null)
        {
            return state;
        }

        // validValue_p = nil here, so validRound_p = -1 (lines 42-43 set both together).
        effects.Add(new RoundEffect.Propose(state.Height, state.Round, ready.Value, state.ValidRound));
        return state;
    }

    // Lines 22-27: upon ⟨PROPOSAL, h_p, round_p, v, −1⟩ from proposer(h_p, round_p) while step_p = propose.
    private static RoundState OnProposal(RoundState state, RoundInput.Proposal proposal, ICollection<RoundEffect> effects)
    {
        if (proposal.Round != state.Round || state.Step != ConsensusStep.Propose)
        {
            return state;
        }

        // Line 23: valid(v) ∧ (lockedRound_p = −1 ∨ lockedValue_p = v).
        var accept = proposal.IsValid && (state.LockedRound == -1 || state.LockedValue == proposal.Value);

        // Line 24 (prevote id(v)) or line 26 (prevote nil).
        effects.Add(new RoundEffect.Vote(VoteType.Prevote, state.Height, state.Round, accept ? proposal.Value : null));

        // Line 27: step_p ← prevote.
        return state with { Step = ConsensusStep.Prevote };
    }

    // Lines 28-33: upon ⟨PROPOSAL, h_p, round_p, v, vr⟩ from proposer(h_p, round_p) AND 2f+1 ⟨PREVOTE, h_p, vr, id(v)⟩
    // while step_p = propose ∧ (vr ≥ 0 ∧ vr < round_p).
    private static RoundState OnProposalWithPolka(RoundState state, RoundInput.ProposalWithPolka proposal, ICollection<RoundEffect> effects)
    {
        if (proposal.Round != state.Round || state.Step != ConsensusStep.Propose
            || proposal.ValidRound < 0 || proposal.ValidRound >= state.Round)
        {
            return state;
        }

        // Line 29: valid(v) ∧ (lockedRound_p ≤ vr ∨ lockedValue_p = v).
        var accept = proposal.IsValid
            && (state.LockedRound <= proposal.ValidRound || state.LockedValue == proposal.Value);

        // Line 30 (prevote id(v)) or line 32 (prevote nil).
        effects.Add(new RoundEffect.Vote(VoteType.Prevote, state.Height, state.Round, accept ? proposal.Value : null));

        // Line 33: step_p ← prevote.
        return state with { Step = ConsensusStep.Prevote };
    }

    // Lines 34-35: upon 2f+1 ⟨PREVOTE, h_p, round_p, ∗⟩ while step_p = prevote for the first time.
    // "For the first time" is tracked by the height machine, which delivers this input once per round.
    private static RoundState OnPolkaAny(RoundState state, RoundInput.PolkaAny polka, ICollection<RoundEffect> effects)
    {
        if (polka.Round != state.Round || state.Step != ConsensusStep.Prevote)
        {
            return state;
        }

        effects.Add(new RoundEffect.ScheduleTimeout(TimeoutKind.Prevote, state.Height, state.Round));
        return state;
    }

    // Lines 36-43: upon ⟨PROPOSAL, h_p, round_p, v, ∗⟩ from proposer(h_p, round_p) AND 2f+1 ⟨PREVOTE, h_p, round_p, id(v)⟩
    // while valid(v) ∧ step_p ≥ prevote for the first time. The height machine checks valid(v) and "first time".
    private static RoundState OnPolkaValue(RoundState state, RoundInput.PolkaValue polka, ICollection<RoundEffect> effects)
    {
        if (polka.Round != state.Round || state.Step < ConsensusStep.Prevote)
        {
            return state;
        }

        var next = state;
        if (state.Step == ConsensusStep.Prevote)
        {
            // Lines 37-41: lock v in round_p, precommit id(v), step_p ← precommit.
            next = next with { LockedValue = polka.Value, LockedRound = state.Round, Step = ConsensusStep.Precommit };
            effects.Add(new RoundEffect.Vote(VoteType.Precommit, state.Height, state.Round, polka.Value));
        }

        // Lines 42-43: validValue_p ← v; validRound_p ← round_p.
        return next with { ValidValue = polka.Value, ValidRound = state.Round };
    }

    // Lines 44-46: upon 2f+1 ⟨PREVOTE, h_p, round_p, nil⟩ while step_p = prevote.
    private static RoundState OnPolkaNil(RoundState state, RoundInput.PolkaNil polka, ICollection<RoundEffect> effects)
    {
        if (polka.Round != state.Round || state.Step != ConsensusStep.Prevote)
        {
            return state;
        }

        effects.Add(new RoundEffect.Vote(VoteType.Precommit, state.Height, state.Round, null));
        return state with { Step = ConsensusStep.Precommit };
    }

    // Lines 47-48: upon 2f+1 ⟨PRECOMMIT, h_p, round_p, ∗⟩ for the first time.
    private static RoundState OnPrecommitAny(RoundState state, RoundInput.PrecommitAny precommits, ICollection<RoundEffect> effects)
    {
        if (precommits.Round != state.Round || state.Step == ConsensusStep.Unstarted)
        {
            return state;
        }

        effects.Add(new RoundEffect.ScheduleTimeout(TimeoutKind.Precommit, state.Height, state.Round));
        return state;
    }

    // Lines 49-54: upon ⟨PROPOSAL, h_p, r, v, ∗⟩ AND 2f+1 ⟨PRECOMMIT, h_p, r, id(v)⟩ while decision_p[h_p] = nil.
    // Line 50's valid(v) is checked by the height machine. Lines 52-54 (next height, reset, StartRound(0)) are run
    // by the driver, which builds a fresh RoundState for h_p + 1 once the application has committed v.
    // Line 49 has no step guard, so it also applies before StartRound(0) of the height has run (a node that is
    // catching up decides from a fetched commit without starting a round).
    private static RoundState OnCommit(RoundState state, RoundInput.Commit commit, ICollection<RoundEffect> effects)
    {
        if (state.Decision is not null)
        {
            return state;
        }

        // Line 51: decision_p[h_p] = v.
        effects.Add(new RoundEffect.Decide(state.Height, commit.Round, commit.Value));
        return state with { Decision = commit.Value, DecisionRound = commit.Round, Step = ConsensusStep.Commit };
    }

    // Lines 55-56: upon f+1 ⟨∗, h_p, round, ∗, ∗⟩ with round > round_p do StartRound(round).
    private static RoundState OnSkipRound(RoundState state, RoundInput.SkipRound skip, ICollection<RoundEffect> effects) =>
        skip.Round > state.Round && state.Step != ConsensusStep.Unstarted
            ? StartRound(state, skip.Round, skip.IsProposer, effects)
            : state;

    // Lines 57-60: OnTimeoutPropose(height, round): if height = h_p ∧ round = round_p ∧ step_p = propose.
    private static RoundState OnTimeoutPropose(RoundState state, RoundInput.TimeoutPropose timeout, ICollection<RoundEffect> effects)
    {
        if (timeout.Round != state.Round || state.Step != ConsensusStep.Propose)
        {
            return state;
        }

        effects.Add(new RoundEffect.Vote(VoteType.Prevote, state.Height, state.Round, null));
        return state with { Step = ConsensusStep.Prevote };
    }

    // Lines 61-64: OnTimeoutPrevote(height, round): if height = h_p ∧ round = round_p ∧ step_p = prevote.
    private static RoundState OnTimeoutPrevote(RoundState state, RoundInput.TimeoutPrevote timeout, ICollection<RoundEffect> effects)
    {
        if (timeout.Round != state.Round || state.Step != ConsensusStep.Prevote)
        {
            return state;
        }

        effects.Add(new RoundEffect.Vote(VoteType.Precommit, state.Height, state.Round, null));
        return state with { Step = ConsensusStep.Precommit };
    }

    // Lines 65-67: OnTimeoutPrecommit(height, round): if height = h_p ∧ round = round_p then StartRound(round_p + 1).
    private static RoundState OnTimeoutPrecommit(RoundState state, RoundInput.TimeoutPrecommit timeout, ICollection<RoundEffect> effects) =>
        timeout.Round == state.Round && state.Step != ConsensusStep.Unstarted
            ? StartRound(state, state.Round + 1, timeout.NextIsProposer, effects)
            : state;
}
