using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Core;

/// <summary>
/// What the state machine needs to know about one authenticated vote: its kind, height, round, value id
/// (<see langword="null"/> for nil) and the index of the validator that cast it.
/// </summary>
/// <remarks>The signature was checked by the driver before the vote got here; the core never sees bytes.</remarks>
public readonly record struct ConsensusVote(VoteType Kind, long Height, int Round, Hash256? Value, int ValidatorIndex);
