using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Genesis;

namespace DaiChain.ModelRegistry;

/// <summary>
/// The local devnet's genesis as a DaiChain node runs it: the ledger's public-seed devnet (<see cref="Devnet"/>) with
/// registry roles on its sample accounts, so a model's whole life (docs/registry-walkthrough.md) runs on
/// <c>scripts/devnet</c> without a governance proposal first. The keys are public: anyone can act in every role.
/// </summary>
/// <remarks>
/// Sample account i is <see cref="Devnet.AccountKey"/>(i), written by <c>daichain devnet</c> as <c>accounts/account-i.key</c>.
/// One role set per person of the walkthrough: account 0 governs and curates benchmarks, account 1 publishes models,
/// account 2 provides data and contributes training, account 3 serves inference. Anyone may sign receipts as a consumer.
/// </remarks>
public static class RegistryDevnet
{
    /// <summary>The roles of sample account i, in the order the genesis lists them.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> SampleAccountRoles { get; } =
    [
        [RoleRegistry.Governor, RegistryRoles.BenchmarkCurator],
        [RegistryRoles.ModelPublisher],
        [RegistryRoles.DataProvider, RegistryRoles.Contributor],
        [RegistryRoles.InferenceProvider],
    ];

    /// <summary>The devnet genesis with <see cref="SampleAccountRoles"/>; everything else is <see cref="Devnet.Genesis"/>'s.</summary>
    public static GenesisDocument Genesis()
    {
        var genesis = Devnet.Genesis();
        var roles = new Dictionary<Ledger.Primitives.Address, IReadOnlyList<string>>();
        for (var i = 0; i < SampleAccountRoles.Count; i++)
        {
            using var key = Devnet.AccountKey(i);
            roles[key.Address] = SampleAccountRoles[i];
        }

        return genesis with
        {
            Accounts = [.. genesis.Accounts.Select(a => roles.TryGetValue(a.Address, out var r) ? a with { Roles = r } : a)],
        };
    }
}
