using DaiChain.Ledger.Accounts;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;

namespace DaiChain.ModelRegistry.Tests.Genesis;

/// <summary>
/// The repository's genesis.json is what <c>daichain genesis new --devnet</c> writes: the public-seed devnet with the
/// registry roles the walkthrough needs, valid under the rules a node runs.
/// </summary>
public sealed class RepositoryGenesisTests
{
    [Fact]
    public void The_repository_genesis_is_the_insecure_devnet_with_registry_roles_and_valid()
    {
        var genesis = GenesisJson.Load(Path.Combine(RepositoryRoot(), "genesis.json"), RegistryModule.CreateRules());

        Assert.Equal(RegistryDevnet.Genesis().Hash(), genesis.Hash());
        Assert.Equal(4, genesis.Validators.Count);
        Assert.Single(genesis.Nodes, n => n.Role == NodeRole.Observer);
        Assert.Contains("public seed", genesis.InsecureKeysNote, StringComparison.Ordinal);
        using var validator = Devnet.ValidatorKey(0);
        Assert.Equal(validator.PublicKey, genesis.Validators[0].PublicKey);
    }

    [Fact]
    public void The_devnet_sample_accounts_hold_every_role_the_walkthrough_uses()
    {
        var genesis = RegistryDevnet.Genesis();
        string[] Roles(int account)
        {
            using var key = Devnet.AccountKey(account);
            return [.. genesis.Accounts.Single(a => a.Address == key.Address).Roles];
        }

        Assert.Equal([RoleRegistry.Governor, RegistryRoles.BenchmarkCurator], Roles(0));
        Assert.Equal([RegistryRoles.ModelPublisher], Roles(1));
        Assert.Equal([RegistryRoles.DataProvider, RegistryRoles.Contributor], Roles(2));
        Assert.Equal([RegistryRoles.InferenceProvider], Roles(3));

        // Everything but the sample accounts' roles is the ledger's devnet.
        var ledger = Devnet.Genesis();
        Assert.Equal(ledger.Validators, genesis.Validators);
        Assert.Equal(ledger.Nodes, genesis.Nodes);
        Assert.Equal(ledger.Accounts.Select(a => (a.Address, a.Balance)), genesis.Accounts.Select(a => (a.Address, a.Balance)));
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DaiChain.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("DaiChain.sln not found above " + AppContext.BaseDirectory);
    }
}
