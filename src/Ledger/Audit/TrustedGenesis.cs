using DaiChain.Ledger.Chain;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Ledger.Audit;

/// <summary>
/// What an auditor takes from <c>genesis.json</c>, the one thing it trusts: the chain id, the genesis hash and time,
/// and the validator set of heights 1 and 2 (the root of trust for every commit certificate).
/// </summary>
/// <param name="Document">The genesis itself: re-execution starts from its state.</param>
/// <param name="Validators">The validator set of heights 1 and 2.</param>
public sealed record TrustedGenesis(GenesisDocument Document, ValidatorSet Validators)
{
    public string ChainId => Document.ChainId;

    public Hash256 GenesisHash { get; } = Document.Hash();

    public long GenesisTimeMs => Document.GenesisTimeMs;

    /// <summary>Derives the trusted values from a genesis document, with the rules its parameters are validated by.</summary>
    /// <exception cref="GenesisException">The document breaks a rule.</exception>
    public static TrustedGenesis From(GenesisDocument genesis, ChainRules rules)
    {
        var (_, validators) = GenesisState.Build(genesis, rules);
        return new TrustedGenesis(genesis, validators);
    }
}
