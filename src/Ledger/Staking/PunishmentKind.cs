namespace DaiChain.Ledger.Staking;

/// <summary>What <see cref="Slashing.Punish"/> did to a validator.</summary>
public enum PunishmentKind
{
    /// <summary>No record of that validator exists any more: nothing to take.</summary>
    NoValidator,

    /// <summary>Slashed and jailed.</summary>
    Jailed,

    /// <summary>Slashed but left in the set, because jailing it would leave no validator with power (the chain would halt).</summary>
    SlashedNotJailed,
}
