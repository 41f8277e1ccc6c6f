namespace DaiChain.Ledger.Staking;

/// <summary>The outcome of <see cref="Slashing.Punish"/>: what was done and how much granted power and bonded tokens (burned) were taken.</summary>
public sealed record Punishment(PunishmentKind Kind, ulong GrantedSlashed, ulong BondedBurned);
