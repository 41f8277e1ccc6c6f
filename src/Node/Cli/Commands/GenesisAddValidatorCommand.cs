using System.Globalization;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain genesis add-validator FILE --name NAME --public-key HEX --power N</c>.</summary>
internal sealed class GenesisAddValidatorCommand(ChainRules rules) : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the genesis file");
    private static readonly OptionSpec NameOption = new("name", "NAME", "a name for people, unique in the genesis", Required: true);
    private static readonly OptionSpec KeyOption = new("public-key", "HEX", "the validator's consensus public key (see 'daichain keys show')", Required: true);
    private static readonly OptionSpec PowerOption = new("power", "N", "voting power, at least 1", Required: true);

    public override string Name => "add-validator";

    public override string Summary => "add a validator to a genesis file";

    public override IReadOnlyList<OptionSpec> Options => [NameOption, KeyOption, PowerOption];

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Argument(FileArgument.Name);
        var key = GenesisCommandInput.PublicKey(input, KeyOption.Name);
        var power = GenesisCommandInput.UInt64(input, PowerOption.Name);
        var genesis = GenesisFile.ReadForEdit(path);
        var validator = new GenesisValidator(input.Option(NameOption.Name)!, key, power);
        GenesisFile.WriteEdited(path, genesis with { Validators = [.. genesis.Validators, validator] }, rules);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added validator {validator.Name} ({key.Address}) with power {power}; {genesis.Validators.Count + 1} validators"));
        return ExitCodes.Success;
    }
}
