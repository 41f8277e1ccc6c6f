using System.Globalization;
using DaiChain.Node.Bench;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain bench --rpc URL[,URL...] [--rate N] [--duration S] [--accounts N]</c>: the load generator. Offers
/// signed transfers to a running devnet and reports committed tx/s, commit latency percentiles and this machine's
/// signature-verification ceiling measured in the same run.
/// </summary>
internal sealed class BenchCommand : Command
{
    private static readonly OptionSpec RpcOption = new("rpc", "URLS", "comma-separated JSON-RPC URLs of the nodes that receive transactions (default http://127.0.0.1:8645/)");
    private static readonly OptionSpec RateOption = new("rate", "N", "transfers offered per second (default 1000)");
    private static readonly OptionSpec DurationOption = new("duration", "S", "seconds of load (default 20)");
    private static readonly OptionSpec AccountsOption = new("accounts", "N", "sending accounts, funded first from the devnet's sample accounts (default 2000)");
    private static readonly OptionSpec BatchOption = new("batch", "N", "tx_submit requests per JSON-RPC batch (default 100)");

    public override string Name => "bench";

    public override string Summary => "load generator: signed transfers to a devnet at a target rate; throughput, latency, ceiling";

    public override IReadOnlyList<OptionSpec> Options => [RpcOption, RateOption, DurationOption, AccountsOption, BatchOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var targets = (input.Option(RpcOption.Name) ?? "http://127.0.0.1:8645/")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => Uri.TryCreate(t, UriKind.Absolute, out var uri) ? uri : throw new UsageException($"--rpc '{t}' is not a URL"))
            .ToList();
        var options = new BenchOptions
        {
            Targets = targets,
            Rate = Number(input, RateOption, 1_000, 1, 1_000_000),
            Duration = TimeSpan.FromSeconds(Number(input, DurationOption, 20, 1, 3_600)),
            Accounts = Number(input, AccountsOption, 2_000, 1, 1_000_000),
            BatchSize = Number(input, BatchOption, 100, 1, 10_000),
        };
        try
        {
            var report = new LoadGenerator(options, console.Error).RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            console.Out.WriteLine(report.Format());
            return ExitCodes.Success;
        }
        catch (Exception e) when (e is InvalidOperationException or HttpRequestException or RpcClient.JsonRpcCallException)
        {
            throw new CommandException(e.Message, e);
        }
    }

    private static int Number(CommandInput input, OptionSpec option, int fallback, int min, int max)
    {
        if (input.Option(option.Name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"--{option.Name} '{text}' must be a whole number from {min} to {max}");
    }
}
