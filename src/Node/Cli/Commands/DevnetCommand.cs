using System.Globalization;
using System.Runtime.InteropServices;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.LocalNet;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain devnet [--dir DIR] [--genesis FILE] ...</c>: a local network from the public-seed genesis — one
/// <c>daichain run</c> process per genesis validator and observer, on loopback, until Ctrl-C stops them all.
/// </summary>
internal sealed class DevnetCommand(ChainRules rules) : Command
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(20);
    private static readonly OptionSpec DirOption = new("dir", "DIR", "where the node homes go (default: a new temporary directory); existing homes keep their chain");
    private static readonly OptionSpec GenesisOption = new("genesis", "FILE", "the devnet genesis (default: ./genesis.json)");
    private static readonly OptionSpec RpcPortOption = new("rpc-port", "PORT", "RPC port of the first node; the others follow (default 8645)");
    private static readonly OptionSpec P2PPortOption = new("p2p-port", "PORT", "P2P port of the first node; the others follow (default 26656)");
    private static readonly OptionSpec TimeoutsOption = new("timeouts-ms", "P,V,C,M", "propose, prevote and precommit timeouts and the commit pause in ms (default: genesis.json's)");
    private static readonly OptionSpec NoSyncOption = new("no-fsync", null, "do not fsync block commits (faster, for throwaway benchmarks)");
    private static readonly OptionSpec LogFormatOption = new("log-format", "FORMAT", "the nodes' log format: text or json (default text)");
    private static readonly OptionSpec PrepareOption = new("prepare-only", null, "write the homes and print them, without starting the nodes");

    public override string Name => "devnet";

    public override string Summary => "run a local devnet: 4 validators and 1 audit node on loopback (Ctrl-C stops it)";

    public override IReadOnlyList<OptionSpec> Options => [DirOption, GenesisOption, RpcPortOption, P2PPortOption, TimeoutsOption, NoSyncOption, LogFormatOption, PrepareOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var genesisPath = input.Option(GenesisOption.Name) ?? "genesis.json";
        if (!File.Exists(genesisPath))
        {
            throw new CommandException($"{Path.GetFullPath(genesisPath)} does not exist; run from the repository root or pass --genesis FILE (daichain genesis new --devnet writes one)");
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

        var directory = Path.GetFullPath(input.Option(DirOption.Name) ?? Path.Combine(Path.GetTempPath(), "daichain-devnet-" + Guid.NewGuid().ToString("N")[..8]));
        var options = new DevnetOptions
        {
            FirstRpcPort = Port(input, RpcPortOption, 8645),
            FirstP2PPort = Port(input, P2PPortOption, 26656),
            TimeoutsMs = Timeouts(input.Option(TimeoutsOption.Name)),
            SyncCommits = !input.Has(NoSyncOption.Name),
            LogFormat = input.Option(LogFormatOption.Name) ?? "text",
        };
        if (options.LogFormat is not ("text" or "json"))
        {
            throw new UsageException($"--log-format '{options.LogFormat}' must be text or json");
        }

        IReadOnlyList<DevnetNode> nodes;
        try
        {
            nodes = DevnetLayout.Prepare(directory, genesisPath, genesis, options);
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException(e.Message, e);
        }

        console.Out.WriteLine($"devnet: chain {genesis.ChainId}, {nodes.Count} nodes in {directory}");
        foreach (var node in nodes)
        {
            console.Out.WriteLine($"  {node.Name,-12} {Configuration.NodeModes.Format(node.Mode),-9} rpc {node.RpcUrl}  p2p 127.0.0.1:{node.P2PPort}");
        }

        foreach (var file in DevnetLayout.AccountKeyFiles(directory))
        {
            console.Out.WriteLine($"  funded account key: {file} (password in {DevnetLayout.PasswordVariable}: {DevnetLayout.Password})");
        }

        if (input.Has(PrepareOption.Name))
        {
            console.Out.WriteLine($"prepared; start a node with: {DevnetLayout.PasswordVariable}={DevnetLayout.Password} daichain run --home {nodes[0].Home.Root}");
            return ExitCodes.Success;
        }

        return Run(nodes, console);
    }

    private static int Run(IReadOnlyList<DevnetNode> nodes, CliConsole console)
    {
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var self = NodeProcess.SelfCommand();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { [DevnetLayout.PasswordVariable] = DevnetLayout.Password };
        var processes = new List<(DevnetNode Node, NodeProcess Process)>();
        try
        {
            foreach (var node in nodes)
            {
                var log = Path.Combine(node.Home.Root, "node.log");
                processes.Add((node, NodeProcess.Start([.. self, "run", "--home", node.Home.Root], log, environment)));
            }

            console.Out.WriteLine($"started; logs in each home's node.log. Try: daichain status --rpc {nodes[0].RpcUrl}");
            console.Out.WriteLine("Ctrl-C stops every node.");
            var reported = new HashSet<string>(StringComparer.Ordinal);
            while (!stop.IsCancellationRequested)
            {
                foreach (var (node, process) in processes)
                {
                    if (process.HasExited && reported.Add(node.Name))
                    {
                        console.Error.WriteLine($"devnet: {node.Name} exited with code {process.ExitCode}; see {process.LogFile}");
                    }
                }

                if (reported.Count == processes.Count)
                {
                    console.Error.WriteLine("devnet: every node exited");
                    return ExitCodes.Failure;
                }

                stop.Token.WaitHandle.WaitOne(TimeSpan.FromMilliseconds(500));
            }

            console.Out.WriteLine("devnet: stopping every node");
            return ExitCodes.Success;
        }
        finally
        {
            Task.WhenAll(processes.Select(p => p.Process.StopAsync(StopGrace))).GetAwaiter().GetResult();
            foreach (var (node, process) in processes)
            {
                console.Out.WriteLine($"devnet: {node.Name} stopped (exit code {process.ExitCode})");
                process.Dispose();
            }
        }

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static int Port(CommandInput input, OptionSpec option, int fallback)
    {
        if (input.Option(option.Name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is > 0 and < 65_000
            ? port
            : throw new UsageException($"--{option.Name} '{text}' is not a port number below 65000");
    }

    private static (int, int, int, int)? Timeouts(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split(',');
        var values = new int[4];
        if (parts.Length != 4 || !parts.Select((p, i) => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out values[i])).All(ok => ok)
            || values[0] < 1 || values[1] < 1 || values[2] < 1)
        {
            throw new UsageException($"--timeouts-ms '{text}' must be four numbers in ms: propose,prevote,precommit,commit (e.g. 1000,300,300,100)");
        }

        return (values[0], values[1], values[2], values[3]);
    }
}
