using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit;

/// <summary>A validator set that took effect at <paramref name="Height"/> (height 1: the genesis set), as the audit verified it.</summary>
public sealed record ValidatorSetChange(ulong Height, Hash256 SetHash, int Validators, ulong TotalPower);
