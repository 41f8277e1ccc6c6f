using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// An input to <see cref="RoundMachine"/>.Apply: one "upon" condition of Algorithm 1 that the height machine has
/// found true in the message log, or one timeout expiry.
/// </summary>
/// <remarks>
/// Inputs that start a round carry whether this process is that round's proposer, so that the machine needs no
/// proposer-selection function and stays a pure function of (state, input).
/// </remarks>
public abstract record RoundInput
{
    private RoundInput()
    {
    }

    /// <summary>Line 10 (<c>upon start do StartRound(0)</c>).</summary>
    public sealed record Start(bool IsProposer) : RoundInput;

    /// <summary>The answer to <c>getValue()</c> (line 18) requested by <see cref="RoundEffect.GetValue"/>.</summary>
    public sealed record ValueReady(int Round, Hash256 Value) : RoundInput;

    /// <summary>Line 22: <c>⟨PROPOSAL, h_p, round_p, v, −1⟩</c> from the round's proposer; <c>valid(v)</c> as given.</summary>
    public sealed record Proposal(int Round, Hash256 Value, bool IsValid) : RoundInput;

    /// <summary>
    /// Line 28: <c>⟨PROPOSAL, h_p, round_p, v, vr⟩</c> from the proposer and +2/3 <c>⟨PREVOTE, h_p, vr, id(v)⟩</c>,
    /// with <c>0 ≤ vr &lt; round_p</c>.
    /// </summary>
    public sealed record ProposalWithPolka(int Round, Hash256 Value, int ValidRound, bool IsValid) : RoundInput;

    /// <summary>Line 34: +2/3 <c>⟨PREVOTE, h_p, round_p, ∗⟩</c>.</summary>
    public sealed record PolkaAny(int Round) : RoundInput;

    /// <summary>Line 36: the proposal for valid <c>v</c> and +2/3 <c>⟨PREVOTE, h_p, round_p, id(v)⟩</c>.</summary>
    public sealed record PolkaValue(int Round, Hash256 Value) : RoundInput;

    /// <summary>Line 44: +2/3 <c>⟨PREVOTE, h_p, round_p, nil⟩</c>.</summary>
    public sealed record PolkaNil(int Round) : RoundInput;

    /// <summary>Line 47: +2/3 <c>⟨PRECOMMIT, h_p, round_p, ∗⟩</c>.</summary>
    public sealed record PrecommitAny(int Round) : RoundInput;

    /// <summary>Line 49: valid <c>v</c> and +2/3 <c>⟨PRECOMMIT, h_p, r, id(v)⟩</c> for some round <c>r</c>.</summary>
    public sealed record Commit(int Round, Hash256 Value) : RoundInput;

    /// <summary>Line 55: +1/3 of the voting power sent messages in <c>round &gt; round_p</c>.</summary>
    public sealed record SkipRound(int Round, bool IsProposer) : RoundInput;

    /// <summary>Line 57: <c>OnTimeoutPropose(h_p, round)</c>.</summary>
    public sealed record TimeoutPropose(int Round) : RoundInput;

    /// <summary>Line 61: <c>OnTimeoutPrevote(h_p, round)</c>.</summary>
    public sealed record TimeoutPrevote(int Round) : RoundInput;

    /// <summary>Line 65: <c>OnTimeoutPrecommit(h_p, round)</c>; <paramref name="NextIsProposer"/> is for <c>round + 1</c>.</summary>
    public sealed record TimeoutPrecommit(int Round, bool NextIsProposer) : RoundInput;
}
