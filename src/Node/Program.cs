using DaiChain.Ledger.Execution;
using DaiChain.Node.Cli;
using DaiChain.Node.Cli.Commands;
using DaiChain.Node.Hosting;
using DaiChain.Node.Keys;

namespace DaiChain.Node;

/// <summary>The <c>daichain</c> executable: builds the command tree (the composition root) and runs it.</summary>
internal static class Program
{
    private static int Main(string[] args) =>
        new CommandRouter(BuildCommands(new KeyStore()), CliConsole.System()).Run(args);

    /// <summary>Every command of <c>daichain</c>; <paramref name="keyStore"/> is a parameter so tests can use cheaper key derivation.</summary>
    internal static CommandGroup BuildCommands(KeyStore keyStore)
    {
        var rules = CreateChainRules();
        return new("daichain", "a permissioned blockchain node for AI-model provenance",
        [
            new CommandGroup("keys", "create and inspect password-encrypted key files",
            [
                new KeysNewCommand(keyStore),
                new KeysShowCommand(),
            ]),
            new InitCommand(rules),
            new RunCommand(rules, CreateExtensions),
            new DevnetCommand(rules),
            new StatusCommand(),
            new BenchCommand(),
            new CommandGroup("tx", "build, sign and submit transactions",
            [
                new TxTransferCommand(),
            ]),
            new CommandGroup("genesis", "create, edit and check genesis.json",
            [
                new GenesisNewCommand(rules, TimeProvider.System),
                new GenesisAddValidatorCommand(rules),
                new GenesisAddNodeCommand(rules),
                new GenesisAddAccountCommand(rules),
                new GenesisValidateCommand(rules),
            ]),
            .. RegistryCommands.Create(TimeProvider.System),
            new CommandGroup("audit", "verify the chain from genesis, prove facts offline, export provenance",
            [
                new AuditVerifyCommand(rules, TimeProvider.System),
                new AuditProveCommand(rules),
                new AuditCheckBundleCommand(rules),
                new AuditExportCommand(rules),
            ]),
        ]);
    }

    /// <summary>
    /// What the chain executes: Ledger's transaction kinds, roles and parameters, plus those other projects
    /// register (ModelRegistry's belong here), frozen before use.
    /// </summary>
    internal static ChainRules CreateChainRules() => ModelRegistry.RegistryModule.CreateRules();

    /// <summary>Parts of the running node contributed by other areas (the model registry adds its RPC methods and routes here).</summary>
    internal static IReadOnlyList<INodeExtension> CreateExtensions() => [new Audit.AuditNodeExtension()];
}
