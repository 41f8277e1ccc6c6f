using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain genesis add-node FILE --name NAME --node-public-key HEX --role validator|observer</c>.</summary>
internal sealed class GenesisAddNodeCommand(ChainRules rules) : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the genesis file");
    private static readonly OptionSpec NameOption = new("name", "NAME", "a name for people", Required: true);
    private static readonly OptionSpec KeyOption = new("node-public-key", "HEX", "the node's P2P public key (not a validator or account key)", Required: true);
    private static readonly OptionSpec RoleOption = new("role", "ROLE", "'validator' (runs consensus) or 'observer' (read-only audit node)", Required: true);

    public override string Name => "add-node";

    public override string Summary => "admit a network node (validator or audit observer) in a genesis file";

    public override IReadOnlyList<OptionSpec> Options => [NameOption, KeyOption, RoleOption];

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Argument(FileArgument.Name);
        var key = GenesisCommandInput.PublicKey(input, KeyOption.Name);
        var role = input.Option(RoleOption.Name) switch
        {
            "validator" => NodeRole.Validator,
            "observer" => NodeRole.Observer,
            var other => throw new UsageException($"--role '{other}' must be 'validator' or 'observer'"),
        };
        var genesis = GenesisFile.ReadForEdit(path);
        var node = new GenesisNode(input.Option(NameOption.Name)!, key, role);
        GenesisFile.WriteEdited(path, genesis with { Nodes = [.. genesis.Nodes, node] }, rules);
        console.Out.WriteLine($"added {input.Option(RoleOption.Name)} node {node.Name} (node id {key.Address}); {genesis.Nodes.Count + 1} nodes");
        return ExitCodes.Success;
    }
}
