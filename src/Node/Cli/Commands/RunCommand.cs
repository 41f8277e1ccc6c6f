using System.Runtime.InteropServices;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Genesis;
using DaiChain.Node.Configuration;
using DaiChain.Node.Hosting;
using DaiChain.Node.Metrics.Logging;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain run --home DIR [--mode validator|full|audit] [--log-format text|json]</c>: runs the node until
/// SIGINT or SIGTERM, then stops it cleanly (RPC, consensus, P2P, storage).
/// </summary>
internal sealed class RunCommand(ChainRules rules, Func<IReadOnlyList<INodeExtension>> extensions) : Command
{
    private static readonly OptionSpec HomeOption = new("home", "DIR", "the node's home (made by 'daichain init')", Required: true);
    private static readonly OptionSpec ModeOption = new("mode", "MODE", "validator, full or audit (default: the config's mode)");
    private static readonly OptionSpec LogFormatOption = new("log-format", "FORMAT", "text or json (default: the config's log.format)");

    public override string Name => "run";

    public override string Summary => "run a node from its home until SIGINT/SIGTERM";

    public override IReadOnlyList<OptionSpec> Options => [HomeOption, ModeOption, LogFormatOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1, Ledger.Native.NativeLibraries.RocksDb];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var home = new NodeHome(input.Option(HomeOption.Name)!);
        NodeConfig config;
        try
        {
            config = NodeConfigFile.Load(home.ConfigFile);
        }
        catch (NodeConfigException e)
        {
            throw new CommandException(e.Message, e);
        }

        var modeText = input.Option(ModeOption.Name) ?? config.Mode;
        if (!NodeModes.TryParse(modeText, out var mode))
        {
            throw new UsageException($"--mode '{modeText}' must be validator, full or audit");
        }

        LogFormat format;
        try
        {
            format = NodeLogging.ParseFormat(input.Option(LogFormatOption.Name) ?? config.Log.Format);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message, e);
        }

        if (!NodeConfigFile.TryParseLogLevel(config.Log.Level, out var level))
        {
            level = Microsoft.Extensions.Logging.LogLevel.Information;
        }

        GenesisDocument genesis;
        try
        {
            genesis = GenesisJson.Load(home.GenesisFile, rules);
        }
        catch (Exception e) when (e is GenesisException or IOException)
        {
            throw new CommandException(e.Message, e);
        }

        using var loggers = NodeLogging.CreateFactory(new NodeLoggingOptions { Format = format, MinimumLevel = level });
        using var keys = LoadKeys(home, config, mode, console);
        using var stop = new CancellationTokenSource();
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        NodeHost host;
        try
        {
            host = NodeHost.Create(new NodeHostSettings
            {
                Home = home,
                Config = config,
                Mode = mode,
                Genesis = genesis,
                Rules = rules,
                Keys = keys,
                Loggers = loggers,
                Extensions = extensions(),
            });
        }
        catch (NodeStartException e)
        {
            throw new CommandException(e.Message, e);
        }

        int exitCode;
        try
        {
            exitCode = host.RunAsync(stop.Token).GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new CommandException($"cannot start: {e.Message}", e);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw new CommandException($"cannot start: {e.Message} (is the P2P port in use?)", e);
        }

        return exitCode;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.Cancel();
        }
    }

    private static NodeKeys LoadKeys(NodeHome home, NodeConfig config, NodeMode mode, CliConsole console)
    {
        try
        {
            return NodeKeys.Load(home, config, mode, console.GetEnvironmentVariable);
        }
        catch (NodeStartException e)
        {
            throw new CommandException(e.Message, e);
        }
    }
}
