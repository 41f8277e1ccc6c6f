using DaiChain.Ledger.Crypto;

namespace DaiChain.Ledger.Genesis;

/// <summary>A validator of the first block: a name for people, its consensus public key and its voting power.</summary>
public sealed record GenesisValidator(string Name, PublicKey PublicKey, ulong Power);
