namespace DaiChain.ProcessHarness;

/// <summary>
/// Runs one test scenario in its own process, chosen by the first argument, so that a test can kill it at any
/// instant (SIGKILL) and inspect what it left on disk. Exit code 2 means bad arguments.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            return Usage("missing subcommand");
        }

        try
        {
            return args[0] switch
            {
                RocksDbWriter.Command => RocksDbWriter.Run(HarnessArguments.Parse(args[1..])),
                LedgerCommitter.Command => LedgerCommitter.Run(HarnessArguments.Parse(args[1..])),
                ConsensusValidator.Command => ConsensusValidator.Run(HarnessArguments.Parse(args[1..])),
                _ => Usage($"unknown subcommand '{args[0]}'"),
            };
        }
        catch (ArgumentException error)
        {
            return Usage(error.Message);
        }
    }

    private static int Usage(string problem)
    {
        Console.Error.WriteLine($"process-harness: {problem}");
        Console.Error.WriteLine("usage: DaiChain.ProcessHarness <subcommand> [--option value]...");
        Console.Error.WriteLine($"  {RocksDbWriter.Command} {RocksDbWriter.Usage}");
        Console.Error.WriteLine($"  {LedgerCommitter.Command} {LedgerCommitter.Usage}");
        Console.Error.WriteLine($"  {ConsensusValidator.Command} {ConsensusValidator.Usage}");
        return 2;
    }
}
