using System.Globalization;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Network;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain genesis validate FILE</c>: checks every rule and lists each problem (exit 1), or prints a summary
/// and the genesis hash every node of the chain must share (exit 0).
/// </summary>
internal sealed class GenesisValidateCommand(ChainRules rules) : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the genesis file");

    public override string Name => "validate";

    public override string Summary => "check a genesis file and print its hash";

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Argument(FileArgument.Name);
        if (!File.Exists(path))
        {
            throw new CommandException($"{path} does not exist");
        }

        var result = GenesisJson.Parse(File.ReadAllText(path), rules);
        if (!result.IsValid)
        {
            throw new CommandException(GenesisFile.Describe(path, result.Problems));
        }

        var genesis = result.Document!;
        var power = genesis.Validators.Aggregate(0UL, (sum, v) => sum + v.Power);
        var observers = genesis.Nodes.Count(n => n.Role == NodeRole.Observer);
        console.Out.WriteLine($"{path} is valid");
        console.Out.WriteLine($"chain id:     {genesis.ChainId}");
        console.Out.WriteLine($"genesis time: {GenesisJson.FormatTime(genesis.GenesisTimeMs)}");
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"validators:   {genesis.Validators.Count} (total power {power})"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"nodes:        {genesis.Nodes.Count} ({genesis.Nodes.Count - observers} validator, {observers} audit observer)"));
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"accounts:     {genesis.Accounts.Count}"));
        console.Out.WriteLine($"genesis hash: {genesis.Hash()}");
        if (genesis.InsecureKeysNote is { } note)
        {
            console.Error.WriteLine($"warning: insecure genesis: {note}");
        }

        return ExitCodes.Success;
    }
}
