using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Network;

namespace DaiChain.Ledger.Genesis;

/// <summary>
/// The local devnet: 4 validators and 1 audit observer whose keys derive from the public seed
/// <see cref="Seed"/>. Anyone can derive these keys, so the genesis says so (<see cref="GenesisDocument.InsecureKeysNote"/>)
/// and nodes warn; never use it for anything of value.
/// </summary>
public static class Devnet
{
    public const string Seed = "daichain-devnet";
    public const string ChainId = "daichain-devnet";
    public const int ValidatorCount = 4;
    public const int ObserverCount = 1;

    /// <summary>2026-01-01T00:00:00Z.</summary>
    public const long GenesisTimeMs = 1_767_225_600_000;

    public const string InsecureNote =
        "keys derive from the public seed 'daichain-devnet' (PrivateKey.FromSeed): anyone can sign for them; local devnet only";

    /// <summary>Validator i's consensus key (also its account: validators bond from it).</summary>
    public static PrivateKey ValidatorKey(int index) => PrivateKey.FromSeed(Seed + "/validator", index);

    /// <summary>Node i's P2P key: nodes 0-3 run the validators, node 4 is the audit observer.</summary>
    public static PrivateKey NodeKey(int index) => PrivateKey.FromSeed(Seed + "/node", index);

    /// <summary>Sample user account i (account 0 holds the governor role).</summary>
    public static PrivateKey AccountKey(int index) => PrivateKey.FromSeed(Seed + "/account", index);

    public static GenesisDocument Genesis()
    {
        var validators = new List<GenesisValidator>();
        var nodes = new List<GenesisNode>();
        var accounts = new List<GenesisAccount>();
        for (var i = 0; i < ValidatorCount; i++)
        {
            using var validator = ValidatorKey(i);
            using var node = NodeKey(i);
            validators.Add(new GenesisValidator($"validator-{i}", validator.PublicKey, 100));
            nodes.Add(new GenesisNode($"validator-{i}", node.PublicKey, NodeRole.Validator));
            accounts.Add(new GenesisAccount(validator.Address, 1_000_000, []));
        }

        using (var observer = NodeKey(ValidatorCount))
        {
            nodes.Add(new GenesisNode("auditor-0", observer.PublicKey, NodeRole.Observer));
        }

        for (var i = 0; i < 4; i++)
        {
            using var account = AccountKey(i);
            accounts.Add(new GenesisAccount(account.Address, 10_000_000, i == 0 ? [RoleRegistry.Governor] : []));
        }

        return new GenesisDocument
        {
            ChainId = ChainId,
            GenesisTimeMs = GenesisTimeMs,
            InsecureKeysNote = InsecureNote,
            Validators = validators,
            Nodes = nodes,
            Accounts = accounts,
        };
    }
}
