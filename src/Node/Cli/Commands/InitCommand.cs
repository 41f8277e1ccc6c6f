using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.Configuration;
using DaiChain.Node.Keys;
using DaiChain.Node.P2P;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain init --home DIR --genesis FILE --key FILE [--node-key FILE] [--mode M] ...</c>: creates a node's home
/// (config.json with every setting and a comment, genesis.json, keys/) ready for <c>daichain run</c>.
/// </summary>
/// <remarks>
/// <c>--key</c> is the validator's consensus key; <c>--node-key</c> the P2P key listed in the genesis node registry
/// (docs/adr/0004). A node without a separate node key uses <c>--key</c> for both, which works only if the registry
/// lists that key; a full or audit node needs only <c>--node-key</c>.
/// </remarks>
internal sealed class InitCommand(ChainRules rules) : Command
{
    private static readonly OptionSpec HomeOption = new("home", "DIR", "the node's home directory (created)", Required: true);
    private static readonly OptionSpec GenesisOption = new("genesis", "FILE", "the chain's genesis.json (copied into the home)", Required: true);
    private static readonly OptionSpec KeyOption = new("key", "FILE", "the validator's consensus key file (keys new); also the node key without --node-key");
    private static readonly OptionSpec NodeKeyOption = new("node-key", "FILE", "the node's P2P key file, listed in the genesis node registry");
    private static readonly OptionSpec ModeOption = new("mode", "MODE", "validator, full or audit (default: validator with --key, else full)");
    private static readonly OptionSpec MonikerOption = new("moniker", "NAME", "a name for people and logs (default: the genesis name of the node key)");
    private static readonly OptionSpec P2POption = new("p2p", "HOST:PORT", "P2P listen address (default 127.0.0.1:26656)");
    private static readonly OptionSpec RpcOption = new("rpc", "HOST:PORT", "RPC listen address (default 127.0.0.1:8645)");
    private static readonly OptionSpec PeersOption = new("peers", "LIST", "persistent peers, comma separated: <node key hex>@host:port,...");
    private static readonly OptionSpec PasswordEnvOption = new("password-env", "VAR", "environment variable that will hold the key password when the node runs (default DAICHAIN_PASSWORD)");
    private static readonly OptionSpec ForceOption = new("force", null, "overwrite the config, genesis and keys of an existing home (never the data)");

    public override string Name => "init";

    public override string Summary => "create a node's home: config.json, genesis.json and keys";

    public override IReadOnlyList<OptionSpec> Options =>
        [HomeOption, GenesisOption, KeyOption, NodeKeyOption, ModeOption, MonikerOption, P2POption, RpcOption, PeersOption, PasswordEnvOption, ForceOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var home = new NodeHome(input.Option(HomeOption.Name)!);
        if (File.Exists(home.ConfigFile) && !input.Has(ForceOption.Name))
        {
            throw new CommandException($"{home.ConfigFile} already exists; pass --force to rewrite the home's config, genesis and keys");
        }

        var genesisPath = input.Option(GenesisOption.Name)!;
        if (!File.Exists(genesisPath))
        {
            throw new CommandException($"{genesisPath} does not exist; create one with 'daichain genesis new' or use the repository's genesis.json");
        }

        GenesisDocument genesis;
        try
        {
            genesis = GenesisJson.Load(genesisPath, rules);
        }
        catch (GenesisException e)
        {
            throw new CommandException(e.Message, e);
        }

        var keyPath = input.Option(KeyOption.Name);
        var nodeKeyPath = input.Option(NodeKeyOption.Name) ?? keyPath
            ?? throw new UsageException($"'{input.CommandPath}' needs --node-key FILE (and --key FILE for a validator)");
        var validatorKey = keyPath is null ? null : ReadKey(keyPath, "--key");
        var nodeKey = ReadKey(nodeKeyPath, "--node-key");

        NodeMode mode;
        if (input.Option(ModeOption.Name) is { } modeText)
        {
            if (!NodeModes.TryParse(modeText, out mode))
            {
                throw new UsageException($"--mode '{modeText}' must be validator, full or audit");
            }
        }
        else
        {
            mode = validatorKey is null ? NodeMode.Full : NodeMode.Validator;
        }

        if (mode == NodeMode.Validator && validatorKey is null)
        {
            throw new UsageException("a validator needs its consensus key: --key FILE");
        }

        var config = new NodeConfig { Mode = NodeModes.Format(mode) };
        var registered = genesis.Nodes.FirstOrDefault(n => n.NodePublicKey == nodeKey.PublicKey);
        config.Moniker = input.Option(MonikerOption.Name) ?? registered?.Name ?? $"node-{nodeKey.Address.ToString()[2..10]}";
        config.Keys.PasswordEnv = input.Option(PasswordEnvOption.Name) ?? config.Keys.PasswordEnv;
        if (input.Option(P2POption.Name) is { } p2p)
        {
            config.P2p.ListenAddress = p2p;
        }

        if (input.Option(RpcOption.Name) is { } rpc)
        {
            config.Rpc.ListenAddress = rpc;
        }

        if (input.Option(PeersOption.Name) is { } peers)
        {
            config.P2p.PersistentPeers = [.. peers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }

        Directory.CreateDirectory(home.KeysDirectory);
        config.Keys.NodeKeyFile = "keys/node.key";
        config.Keys.ValidatorKeyFile = validatorKey is null ? null : "keys/validator.key";
        var problems = NodeConfigFile.FindProblems(config);
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        CopyKey(nodeKeyPath, home.Resolve(config.Keys.NodeKeyFile));
        if (validatorKey is not null)
        {
            CopyKey(keyPath!, home.Resolve(config.Keys.ValidatorKeyFile!));
        }

        File.Copy(genesisPath, home.GenesisFile, overwrite: true);
        NodeConfigFile.Save(home.ConfigFile, config);

        console.Out.WriteLine($"home:      {home.Root}");
        console.Out.WriteLine($"chain:     {genesis.ChainId} (genesis {genesis.Hash()})");
        console.Out.WriteLine($"mode:      {config.Mode}");
        console.Out.WriteLine($"node id:   {PeerId.FromPublicKey(nodeKey.PublicKey)}");
        if (validatorKey is not null)
        {
            console.Out.WriteLine($"validator: {validatorKey.Address}");
        }

        if (registered is null)
        {
            console.Error.WriteLine($"warning: node key {nodeKey.PublicKey} is not in the genesis node registry; peers will refuse this node until governance admits it");
        }

        if (mode == NodeMode.Validator && !genesis.Validators.Any(v => v.PublicKey == validatorKey!.PublicKey))
        {
            console.Error.WriteLine($"warning: {validatorKey!.Address} is not a genesis validator; the node signs nothing until it is in the validator set");
        }

        console.Out.WriteLine($"run it:    {config.Keys.PasswordEnv}=... daichain run --home {home.Root}");
        return ExitCodes.Success;
    }

    private static KeyFile ReadKey(string path, string flag)
    {
        try
        {
            return KeyStore.Read(path);
        }
        catch (KeyStoreException e)
        {
            throw new CommandException($"{flag} {path}: {e.Message}", e);
        }
    }

    private static void CopyKey(string from, string to)
    {
        if (Path.GetFullPath(from) == Path.GetFullPath(to))
        {
            return;
        }

        File.Copy(from, to, overwrite: true);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}
