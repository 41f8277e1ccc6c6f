using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;
using DaiChain.Node.Configuration;
using DaiChain.Node.Keys;
using DaiChain.Node.P2P;

namespace DaiChain.Node.LocalNet;

/// <summary>
/// Lays out a local devnet from a genesis whose keys derive from the public devnet seed
/// (<see cref="Ledger.Genesis.Devnet"/>): one home per genesis validator (validator-i) and per observer (auditor-i),
/// each with its key files, genesis.json and a config.json listening on loopback and dialing all the others.
/// </summary>
/// <remarks>
/// The keys are public by construction, so the key files are encrypted with a fixed, published password
/// (<see cref="Password"/>) and the minimum key-derivation work: they protect nothing and must not.
/// An existing home keeps its data and keys; its config is rewritten (ports and timeouts may change).
/// </remarks>
public static class DevnetLayout
{
    /// <summary>The devnet's key file password (public: the keys themselves are).</summary>
    public const string Password = "daichain-devnet-insecure";

    /// <summary>The environment variable the devnet's configs name for the password.</summary>
    public const string PasswordVariable = "DAICHAIN_DEVNET_PASSWORD";

    private const int SeedSearchLimit = 64;

    /// <summary>Writes (or refreshes) the homes under <paramref name="directory"/>; returns the nodes, validators first.</summary>
    /// <exception cref="InvalidOperationException">A genesis key is not derived from the devnet seed.</exception>
    public static IReadOnlyList<DevnetNode> Prepare(string directory, string genesisPath, GenesisDocument genesis, DevnetOptions options)
    {
        Directory.CreateDirectory(directory);
        var keyStore = new KeyStore(KeyFile.MinIterations);
        var plan = new List<(string Name, NodeMode Mode, PrivateKey NodeKey, PrivateKey? ValidatorKey)>();
        try
        {
            for (var i = 0; i < genesis.Validators.Count; i++)
            {
                var validator = genesis.Validators[i];
                var validatorKey = FindSeedKey(Ledger.Genesis.Devnet.ValidatorKey, validator.PublicKey)
                    ?? throw new InvalidOperationException($"genesis validator '{validator.Name}' does not use a devnet seed key; 'daichain devnet' runs only the public-seed genesis (daichain genesis new --devnet)");
                var node = genesis.Nodes.FirstOrDefault(n => n.Name == validator.Name && n.Role == NodeRole.Validator)
                    ?? genesis.Nodes.Where(n => n.Role == NodeRole.Validator).ElementAtOrDefault(i)
                    ?? throw new InvalidOperationException($"the genesis has no validator node for '{validator.Name}'");
                var nodeKey = FindSeedKey(Ledger.Genesis.Devnet.NodeKey, node.NodePublicKey)
                    ?? throw new InvalidOperationException($"genesis node '{node.Name}' does not use a devnet seed key");
                plan.Add((validator.Name, NodeMode.Validator, nodeKey, validatorKey));
            }

            foreach (var observer in genesis.Nodes.Where(n => n.Role == NodeRole.Observer))
            {
                var nodeKey = FindSeedKey(Ledger.Genesis.Devnet.NodeKey, observer.NodePublicKey)
                    ?? throw new InvalidOperationException($"genesis node '{observer.Name}' does not use a devnet seed key");
                plan.Add((observer.Name, NodeMode.Audit, nodeKey, null));
            }

            var nodes = plan.Select((p, i) => new DevnetNode(
                p.Name,
                new NodeHome(Path.Combine(directory, p.Name)),
                p.Mode,
                PeerId.FromPublicKey(p.NodeKey.PublicKey).ToString(),
                options.FirstP2PPort + i,
                options.FirstRpcPort + i)).ToList();

            for (var i = 0; i < nodes.Count; i++)
            {
                var node = nodes[i];
                var home = node.Home;
                Directory.CreateDirectory(home.KeysDirectory);
                var config = new NodeConfig
                {
                    Mode = NodeModes.Format(node.Mode),
                    Moniker = node.Name,
                };
                config.Keys.PasswordEnv = PasswordVariable;
                config.Keys.ValidatorKeyFile = plan[i].ValidatorKey is null ? null : "keys/validator.key";
                config.P2p.ListenAddress = $"127.0.0.1:{node.P2PPort}";
                config.P2p.PersistentPeers = [.. nodes.Where(n => n != node).Select(n => n.PeerAddress)];
                config.P2p.ReconnectMaxDelayMs = 2_000;
                config.Rpc.ListenAddress = $"127.0.0.1:{node.RpcPort}";
                config.Rpc.RequestsPerSecondPerClient = 0;
                config.Storage.SyncCommits = options.SyncCommits;
                config.Log.Format = options.LogFormat;
                if (options.TimeoutsMs is { } t)
                {
                    config.Consensus.ProposeTimeoutMs = t.Propose;
                    config.Consensus.PrevoteTimeoutMs = t.Prevote;
                    config.Consensus.PrecommitTimeoutMs = t.Precommit;
                    config.Consensus.CommitTimeoutMs = t.Commit;
                }

                WriteKey(keyStore, home.Resolve(config.Keys.NodeKeyFile), plan[i].NodeKey);
                if (plan[i].ValidatorKey is { } validatorKey)
                {
                    WriteKey(keyStore, home.Resolve(config.Keys.ValidatorKeyFile!), validatorKey);
                }

                File.Copy(genesisPath, home.GenesisFile, overwrite: true);
                NodeConfigFile.Save(home.ConfigFile, config);
            }

            WriteAccountKeys(keyStore, directory, genesis);
            return nodes;
        }
        finally
        {
            foreach (var p in plan)
            {
                p.NodeKey.Dispose();
                p.ValidatorKey?.Dispose();
            }
        }
    }

    /// <summary>The key files of the genesis's funded sample accounts: <c>accounts/account-i.key</c>.</summary>
    public static IReadOnlyList<string> AccountKeyFiles(string directory) =>
        Directory.Exists(Path.Combine(directory, "accounts"))
            ? [.. Directory.GetFiles(Path.Combine(directory, "accounts"), "account-*.key").Order(StringComparer.Ordinal)]
            : [];

    private static void WriteAccountKeys(KeyStore keyStore, string directory, GenesisDocument genesis)
    {
        var accounts = Path.Combine(directory, "accounts");
        Directory.CreateDirectory(accounts);
        for (var i = 0; i < SeedSearchLimit; i++)
        {
            using var key = Ledger.Genesis.Devnet.AccountKey(i);
            if (genesis.Accounts.Any(a => a.Address == key.Address))
            {
                WriteKey(keyStore, Path.Combine(accounts, $"account-{i}.key"), key);
            }
        }
    }

    private static PrivateKey? FindSeedKey(Func<int, PrivateKey> derive, PublicKey wanted)
    {
        for (var i = 0; i < SeedSearchLimit; i++)
        {
            var key = derive(i);
            if (key.PublicKey == wanted)
            {
                return key;
            }

            key.Dispose();
        }

        return null;
    }

    private static void WriteKey(KeyStore store, string path, PrivateKey key)
    {
        if (File.Exists(path))
        {
            var existing = KeyStore.Read(path);
            if (existing.PublicKey == key.PublicKey)
            {
                return;
            }

            File.Delete(path);
        }

        store.Save(path, key, Password);
    }
}
