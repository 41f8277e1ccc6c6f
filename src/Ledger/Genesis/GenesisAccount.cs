using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Genesis;

/// <summary>An account funded or given roles at genesis.</summary>
public sealed record GenesisAccount(Address Address, ulong Balance, IReadOnlyList<string> Roles);
