using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Staking;

/// <summary>One voter of a height: its address and its voting power (its bonded stake).</summary>
public readonly record struct CommitteeMember(Address Address, long Power);
