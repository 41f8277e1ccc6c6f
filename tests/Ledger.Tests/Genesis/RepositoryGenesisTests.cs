using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;

namespace DaiChain.Ledger.Tests.Genesis;

public sealed class RepositoryGenesisTests
{
    [Fact]
    public void The_repository_genesis_is_the_insecure_devnet_and_valid()
    {
        var genesis = GenesisJson.Load(Path.Combine(RepositoryRoot(), "genesis.json"), ChainRules.WithLedgerBuiltIns().Freeze());
        Assert.Equal(Devnet.Genesis().Hash(), genesis.Hash());
        Assert.Equal(4, genesis.Validators.Count);
        Assert.Single(genesis.Nodes, n => n.Role == NodeRole.Observer);
        Assert.Contains("public seed", genesis.InsecureKeysNote, StringComparison.Ordinal);
        using var validator = Devnet.ValidatorKey(0);
        Assert.Equal(validator.PublicKey, genesis.Validators[0].PublicKey);
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
