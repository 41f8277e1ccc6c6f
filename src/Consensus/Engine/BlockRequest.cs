using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Consensus.Engine;

/// <summary>
/// What the engine asks the application to build: a block for a height and round, at <c>TimeMs</c> (the proposer's
/// clock, but after the previous block's time: monotonic), carrying the given evidence.
/// </summary>
/// <remarks>The application must leave out evidence that is already committed or no longer valid.</remarks>
public sealed record BlockRequest(ulong Height, uint Round, long TimeMs, Address Proposer, IReadOnlyList<DuplicateVoteEvidence> Evidence);
