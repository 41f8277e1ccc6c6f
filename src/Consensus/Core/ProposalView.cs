using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// What the state machine needs to know about one authenticated proposal <c>⟨PROPOSAL, h, round, v, validRound⟩</c>:
/// the round, <c>id(v)</c>, <c>validRound</c> (-1 for none) and the index of the validator that signed it.
/// </summary>
public readonly record struct ProposalView(int Round, Hash256 Value, int ValidRound, int ProposerIndex);
