using DaiChain.Ledger.Crypto;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain genesis new --chain-id ID [--genesis-time TIME] [--out FILE] [--force]</c> starts a genesis for a
/// consortium (no validators yet); <c>--devnet</c> writes the local devnet instead.
/// </summary>
internal sealed class GenesisNewCommand(ChainRules rules, TimeProvider clock) : Command
{
    private static readonly OptionSpec ChainIdOption = new("chain-id", "ID", "the chain id: 1-64 characters of [A-Za-z0-9._-]");
    private static readonly OptionSpec TimeOption = new("genesis-time", "TIME", "when the chain starts, ISO 8601 with a zone (default: now, to the second)");
    private static readonly OptionSpec OutOption = new("out", "FILE", "where to write it (default: genesis.json)");
    private static readonly OptionSpec ForceOption = new("force", null, "overwrite an existing file");
    private static readonly OptionSpec DevnetOption = new("devnet", null, "write the local devnet: 4 validators, 1 observer and 4 sample accounts with registry roles, all PUBLIC keys (insecure)");

    public override string Name => "new";

    public override string Summary => "start a genesis file (then add validators, nodes and accounts)";

    public override IReadOnlyList<OptionSpec> Options => [ChainIdOption, TimeOption, OutOption, ForceOption, DevnetOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var path = input.Option(OutOption.Name) ?? "genesis.json";
        if (File.Exists(path) && !input.Has(ForceOption.Name))
        {
            throw new CommandException($"{path} already exists; pass --force to overwrite it");
        }

        GenesisDocument genesis;
        if (input.Has(DevnetOption.Name))
        {
            if (input.Has(ChainIdOption.Name) || input.Has(TimeOption.Name))
            {
                throw new UsageException("--devnet fixes the chain id and time; leave out --chain-id and --genesis-time");
            }

            genesis = ModelRegistry.RegistryDevnet.Genesis();
        }
        else
        {
            var chainId = input.Option(ChainIdOption.Name) ?? throw new UsageException($"'{input.CommandPath}' needs --chain-id ID (or --devnet)");
            if (!SignBytes.IsValidChainId(chainId))
            {
                throw new UsageException($"chain id '{chainId}' must be 1-{SignBytes.MaxChainIdBytes} characters of [A-Za-z0-9._-]");
            }

            long time;
            if (input.Option(TimeOption.Name) is { } text)
            {
                if (!GenesisJson.TryParseTime(text, out time))
                {
                    throw new UsageException($"--genesis-time '{text}' is not an ISO 8601 time with a zone, such as 2026-01-01T00:00:00Z");
                }
            }
            else
            {
                time = clock.GetUtcNow().ToUnixTimeSeconds() * 1000;
            }

            genesis = new GenesisDocument { ChainId = chainId, GenesisTimeMs = time, Validators = [] };
        }

        GenesisFile.WriteEdited(path, genesis, rules);
        console.Out.WriteLine($"wrote {path}: chain {genesis.ChainId}, genesis time {GenesisJson.FormatTime(genesis.GenesisTimeMs)}");
        if (genesis.InsecureKeysNote is { } note)
        {
            console.Error.WriteLine($"warning: {note}");
        }
        else
        {
            console.Out.WriteLine("next: daichain genesis add-validator, add-node and add-account, then daichain genesis validate");
        }

        return ExitCodes.Success;
    }
}
