using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Network;

namespace DaiChain.Ledger.Genesis;

/// <summary>A network node admitted at genesis: validator nodes and audit observers, by node public key.</summary>
public sealed record GenesisNode(string Name, PublicKey NodePublicKey, NodeRole Role);
