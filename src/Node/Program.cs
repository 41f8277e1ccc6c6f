using DaiChain.Node.Cli;
using DaiChain.Node.Cli.Commands;
using DaiChain.Node.Keys;

namespace DaiChain.Node;

/// <summary>The <c>daichain</c> executable: builds the command tree (the composition root) and runs it.</summary>
internal static class Program
{
    private static int Main(string[] args) =>
        new CommandRouter(BuildCommands(new KeyStore()), CliConsole.System()).Run(args);

    /// <summary>Every command of <c>daichain</c>; <paramref name="keyStore"/> is a parameter so tests can use cheaper key derivation.</summary>
    internal static CommandGroup BuildCommands(KeyStore keyStore) =>
        new("daichain", "a permissioned blockchain node for AI-model provenance",
        [
            new CommandGroup("keys", "create and inspect password-encrypted key files",
            [
                new KeysNewCommand(keyStore),
                new KeysShowCommand(),
            ]),
        ]);
}
