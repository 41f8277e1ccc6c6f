using System.Globalization;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Audit;
using DaiChain.Node.RpcClient;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain audit verify</c>: verifies a node's whole chain from genesis — header links, transaction roots, every
/// commit certificate against the validator set of its height, and (unless <c>--no-reexecute</c>) every block
/// re-executed with state roots, receipts and the node's stored state compared. Prints progress on standard error, a
/// summary on standard output, and exits 1 at the first discrepancy, naming its height and what differs.
/// </summary>
internal sealed class AuditVerifyCommand(ChainRules rules, TimeProvider time) : Command
{
    private static readonly OptionSpec Rpc = new("rpc", "URL", "verify a remote node over its JSON-RPC instead (needs --genesis)");
    private static readonly OptionSpec NoReExecute = new("no-reexecute", null, "check headers, roots and certificates only; do not re-execute blocks");
    private static readonly OptionSpec NoStoredState = new("no-stored-state", null, "re-execute, but do not compare the node's stored state and indexes");
    private static readonly OptionSpec To = new("to", "HEIGHT", "stop after this height (default: the newest block)");
    private static readonly OptionSpec Report = new("report", "FILE", "write the ledger integrity report (JSON) to FILE");
    private static readonly OptionSpec ScratchDir = new("scratch-dir", "DIR", "where to keep the re-execution state (default: the temp folder; deleted after)");
    private static readonly OptionSpec Quiet = new("quiet", null, "no progress lines");

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public override string Name => "verify";

    public override string Summary => "verify a node's whole chain from genesis (its data folder read-only, or its RPC)";

    public override IReadOnlyList<OptionSpec> Options =>
        [AuditCommandInput.Home, AuditCommandInput.Data, Rpc, AuditCommandInput.Genesis, NoReExecute, NoStoredState, To, Report, ScratchDir, Quiet];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1, Ledger.Native.NativeLibraries.RocksDb];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var options = new AuditOptions
        {
            ReExecute = !input.Has(NoReExecute.Name),
            CompareStoredState = !input.Has(NoStoredState.Name),

            // Every block: the printer below throttles by time, so a chain of big blocks (100 may take minutes to
            // re-execute) still shows progress every couple of seconds.
            ProgressInterval = 1,
        };
        var target = AuditCommandInput.Height(input, To.Name);
        LocalChainData? data = null;
        JsonRpcClient? client = null;
        try
        {
            IBlockSource source;
            TrustedGenesis genesis;
            string chainId;
            Hash256 genesisHash;
            if (input.Option(Rpc.Name) is { } url)
            {
                if (input.Has(AuditCommandInput.Home.Name) || input.Has(AuditCommandInput.Data.Name))
                {
                    throw new UsageException("give --rpc URL or a local --home/--data, not both");
                }

                if (!Uri.TryCreate(url, UriKind.Absolute, out var endpoint) || endpoint.Scheme is not ("http" or "https"))
                {
                    throw new UsageException($"--rpc '{url}' is not an http(s) URL");
                }

                var genesisPath = input.Option(AuditCommandInput.Genesis.Name) ?? throw new UsageException("'daichain audit verify --rpc' needs --genesis FILE (the genesis.json you trust)");
                genesis = AuditCommandInput.LoadGenesis(genesisPath, rules);
                client = new JsonRpcClient(endpoint, TimeSpan.FromSeconds(60));
                var remote = new RpcBlockSource(client);
                try
                {
                    (chainId, genesisHash, _) = remote.Status();
                }
                catch (IOException e)
                {
                    throw new CommandException(e.Message, e);
                }

                source = remote;
            }
            else
            {
                var (location, genesisPath) = AuditCommandInput.Locate(input);
                genesis = AuditCommandInput.LoadGenesis(genesisPath, rules);
                data = LocalChainData.Open(location.DatabasePath);
                source = data.Source;
                (chainId, genesisHash) = (data.Source.Meta!.ChainId, data.Source.Meta.GenesisHash);
            }

            using var scratch = options.ReExecute ? new ScratchStore(input.Option(ScratchDir.Name)) : null;
            var auditor = new ChainAuditor(genesis, rules, options, scratch?.Store);
            var report = auditor.CheckSourceGenesis(chainId, genesisHash)
                ? auditor.Run(source, target, Progress(console, input.Has(Quiet.Name)))
                : auditor.Run(source, 0);

            PrintSummary(console.Out, report, data is not null);
            if (input.Option(Report.Name) is { } reportPath)
            {
                AuditCommandInput.WriteFile(reportPath, System.Text.Encoding.UTF8.GetBytes(IntegrityReportJson.Write(report)));
                console.Out.WriteLine($"report:       {Path.GetFullPath(reportPath)}");
            }

            return report.Failure is { } failure ? throw new CommandException(failure.ToString()) : ExitCodes.Success;
        }
        finally
        {
            data?.Dispose();
            client?.Dispose();
        }
    }

    private Action<AuditProgress>? Progress(CliConsole console, bool quiet)
    {
        if (quiet)
        {
            return null;
        }

        var started = time.GetTimestamp();
        var lastPrinted = started;
        return progress =>
        {
            var now = time.GetTimestamp();
            if (time.GetElapsedTime(lastPrinted, now) < ProgressEvery && progress.VerifiedHeight != progress.TargetHeight)
            {
                return;
            }

            lastPrinted = now;
            var seconds = Math.Max(time.GetElapsedTime(started, now).TotalSeconds, 0.001);
            console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verified {AuditCommandInput.Count(progress.VerifiedHeight)} of {AuditCommandInput.Count(progress.TargetHeight)} blocks ({progress.VerifiedHeight / seconds:F0} blocks/s)"));
        };
    }

    private static void PrintSummary(TextWriter output, AuditReport report, bool local)
    {
        var checks = new List<string> { "header links", "transaction roots", $"{AuditCommandInput.Count(report.Certificates)} commit certificates ({AuditCommandInput.Count(report.CommitSignatures)} signatures)" };
        if (report.ReExecuted)
        {
            checks.Add($"re-execution ({AuditCommandInput.Count(report.Transactions)} transactions, state roots, receipts)");
        }

        if (report.StoredStateCompared)
        {
            checks.Add("stored state and indexes");
        }

        output.WriteLine($"chain:        {report.ChainId} (genesis {report.GenesisHash})");
        output.WriteLine($"source:       {report.Source}{(local ? " (read-only)" : string.Empty)}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verified:     heights {report.FromHeight} to {report.VerifiedHeight} of {report.SourceHeight}"));
        output.WriteLine($"checks:       {string.Join(", ", checks)}");
        output.WriteLine($"validators:   {string.Join(", ", report.ValidatorSetChanges.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Validators} from height {c.Height}")))}");
        if (report.VerifiedHeight > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"head:         block {report.Head.Height} {report.Head.BlockHash}, state root {report.Head.StateRoot}"));
        }

        if (report.Note is { } note)
        {
            output.WriteLine($"note:         {note}");
        }

        output.WriteLine($"result:       {(report.IsClean ? "verified" : $"DISCREPANCY at height {report.Failure!.Height}: {report.Failure.Subject}")}");
    }
}
