using System.Globalization;
using DaiChain.Ledger.Audit;
using DaiChain.Ledger.Execution;
using DaiChain.Node.Audit;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain audit verify</c>: verifies a node's whole chain from genesis — header links, transaction roots, every
/// commit certificate against the validator set of its height, and (unless <c>--no-reexecute</c>) every block
/// re-executed with state roots, receipts and the node's stored state compared. Prints progress on standard error, a
/// summary on standard output, and exits 1 at the first discrepancy, naming its height and what differs.
/// </summary>
internal sealed class AuditVerifyCommand(ChainRules rules, TimeProvider time) : Command
{
    private static readonly OptionSpec NoReExecute = new("no-reexecute", null, "check headers, roots and certificates only; do not re-execute blocks");
    private static readonly OptionSpec NoStoredState = new("no-stored-state", null, "re-execute, but do not compare the node's stored state and indexes");
    private static readonly OptionSpec To = new("to", "HEIGHT", "stop after this height (default: the newest block)");
    private static readonly OptionSpec Report = new("report", "FILE", "write the ledger integrity report (JSON) to FILE");
    private static readonly OptionSpec ScratchDir = new("scratch-dir", "DIR", "where to keep the re-execution state (default: the temp folder; deleted after)");
    private static readonly OptionSpec Quiet = new("quiet", null, "no progress lines");

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(2);

    public override string Name => "verify";

    public override string Summary => "verify a node's whole chain from genesis (offline, read-only)";

    public override IReadOnlyList<OptionSpec> Options =>
        [AuditCommandInput.Home, AuditCommandInput.Data, AuditCommandInput.Genesis, NoReExecute, NoStoredState, To, Report, ScratchDir, Quiet];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1, Ledger.Native.NativeLibraries.RocksDb];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var (location, genesisPath) = AuditCommandInput.Locate(input);
        var genesis = AuditCommandInput.LoadGenesis(genesisPath, rules);
        var options = new AuditOptions
        {
            ReExecute = !input.Has(NoReExecute.Name),
            CompareStoredState = !input.Has(NoStoredState.Name),
        };
        var target = AuditCommandInput.Height(input, To.Name);

        using var data = LocalChainData.Open(location.DatabasePath);
        using var scratch = options.ReExecute ? new ScratchStore(input.Option(ScratchDir.Name)) : null;
        var auditor = new ChainAuditor(genesis, rules, options, scratch?.Store);
        var meta = data.Source.Meta!;
        AuditReport report;
        if (!auditor.CheckSourceGenesis(meta.ChainId, meta.GenesisHash))
        {
            report = auditor.Run(data.Source, 0);
        }
        else
        {
            var started = time.GetTimestamp();
            var lastPrinted = started;
            var quiet = input.Has(Quiet.Name);
            report = auditor.Run(data.Source, target, progress =>
            {
                var now = time.GetTimestamp();
                if (quiet || (time.GetElapsedTime(lastPrinted, now) < ProgressEvery && progress.VerifiedHeight != progress.TargetHeight))
                {
                    return;
                }

                lastPrinted = now;
                var seconds = Math.Max(time.GetElapsedTime(started, now).TotalSeconds, 0.001);
                console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"verified {AuditCommandInput.Count(progress.VerifiedHeight)} of {AuditCommandInput.Count(progress.TargetHeight)} blocks ({progress.VerifiedHeight / seconds:F0} blocks/s)"));
            });
        }

        PrintSummary(console.Out, report);
        if (input.Option(Report.Name) is { } reportPath)
        {
            AuditCommandInput.WriteFile(reportPath, System.Text.Encoding.UTF8.GetBytes(IntegrityReportJson.Write(report)));
            console.Out.WriteLine($"report:       {Path.GetFullPath(reportPath)}");
        }

        return report.Failure is { } failure ? throw new CommandException(failure.ToString()) : ExitCodes.Success;
    }

    private static void PrintSummary(TextWriter output, AuditReport report)
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
        output.WriteLine($"source:       {report.Source} (read-only)");
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
