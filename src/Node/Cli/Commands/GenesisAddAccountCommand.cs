using System.Globalization;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Ledger.Primitives;

namespace DaiChain.Node.Cli.Commands;

/// <summary><c>daichain genesis add-account FILE --address 0x... [--balance N] [--roles a,b]</c>.</summary>
internal sealed class GenesisAddAccountCommand(ChainRules rules) : Command
{
    private static readonly ArgumentSpec FileArgument = new("FILE", "the genesis file");
    private static readonly OptionSpec AddressOption = new("address", "ADDRESS", "the account address (0x and 40 hex digits)", Required: true);
    private static readonly OptionSpec BalanceOption = new("balance", "N", "initial token balance (default 0)");
    private static readonly OptionSpec RolesOption = new("roles", "LIST", "comma-separated roles to grant");

    public override string Name => "add-account";

    public override string Summary => "fund an account or grant it roles in a genesis file";

    public override IReadOnlyList<OptionSpec> Options => [AddressOption, BalanceOption, RolesOption];

    public override IReadOnlyList<ArgumentSpec> Arguments => [FileArgument];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Argument(FileArgument.Name);
        var text = input.Option(AddressOption.Name)!;
        if (!Address.TryParse(text, out var address))
        {
            throw new UsageException($"--address '{text}' is not an address (0x and 40 hex digits)");
        }

        var balance = input.Has(BalanceOption.Name) ? GenesisCommandInput.UInt64(input, BalanceOption.Name) : 0;
        var roles = (input.Option(RolesOption.Name) ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var genesis = GenesisFile.ReadForEdit(path);
        GenesisFile.WriteEdited(path, genesis with { Accounts = [.. genesis.Accounts, new GenesisAccount(address, balance, roles)] }, rules);
        var granted = roles.Length == 0 ? "no roles" : "roles " + string.Join(", ", roles);
        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"added account {address} with balance {balance} and {granted}"));
        return ExitCodes.Success;
    }
}
