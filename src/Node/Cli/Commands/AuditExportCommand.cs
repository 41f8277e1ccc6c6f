using System.Globalization;
using System.Text.Json;
using DaiChain.Ledger.Execution;
using DaiChain.Ledger.Primitives;
using DaiChain.Node.Audit;
using DaiChain.Node.Registry;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain audit export --version ID --format json|csv|intoto</c>: a model version's provenance from a node's data
/// folder (opened read-only) as the registry's provenance report in JSON (every fact with its state proof), as CSV,
/// or as an in-toto Statement v1 with a SLSA Provenance v1 predicate.
/// </summary>
internal sealed class AuditExportCommand(ChainRules rules) : Command
{
    private static readonly OptionSpec Version = new("version", "ID", "the model version id (0x and 64 hex digits)", Required: true);
    private static readonly OptionSpec Format = new("format", "FORMAT", "json (the provenance report with proofs), csv, or intoto (in-toto Statement v1, SLSA Provenance v1)", Required: true);
    private static readonly OptionSpec Height = new("height", "HEIGHT", "the height to report at (default: the newest)");
    private static readonly OptionSpec Out = new("out", "FILE", "where to write (default: standard output)");

    public override string Name => "export";

    public override string Summary => "export a model version's provenance as JSON, CSV or in-toto/SLSA";

    public override IReadOnlyList<OptionSpec> Options => [Version, Format, AuditCommandInput.Home, AuditCommandInput.Data, AuditCommandInput.Genesis, Height, Out];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1, Ledger.Native.NativeLibraries.RocksDb];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var versionText = input.Option(Version.Name)!;
        if (!Hash256.TryParse(versionText, out var versionId))
        {
            throw new UsageException($"--version '{versionText}' is not a version id (0x and 64 hex digits)");
        }

        var format = input.Option(Format.Name)!;
        if (format is not ("json" or "csv" or "intoto"))
        {
            throw new UsageException($"--format '{format}' must be json, csv or intoto");
        }

        var (location, genesisPath) = AuditCommandInput.Locate(input);
        var genesis = AuditCommandInput.LoadGenesis(genesisPath, rules);
        using var data = LocalChainData.Open(location.DatabasePath);
        if (data.Source.Meta!.GenesisHash != genesis.GenesisHash)
        {
            throw new CommandException($"{data.Path} holds a chain of genesis {data.Source.Meta.GenesisHash}, not the genesis in {genesisPath}");
        }

        var chain = data.Chain(rules);
        var height = AuditCommandInput.Height(input, Height.Name) ?? chain.Height;
        if (height > chain.Height)
        {
            throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"height {height} is beyond the chain's head {chain.Height}"));
        }

        (ModelRegistry.Queries.ProvenanceReportView Report, IReadOnlyList<Ledger.Audit.Bundles.FactKey> Facts)? found;
        try
        {
            found = ModelVersionFacts.At(chain, height, versionId);
        }
        catch (InvalidOperationException e)
        {
            throw new CommandException(e.Message, e);
        }

        var report = found?.Report ?? throw new CommandException(string.Create(CultureInfo.InvariantCulture, $"no model version {versionText} is registered at height {height}"));
        var text = format switch
        {
            "json" => JsonSerializer.Serialize(report, new RegistryJson(new JsonSerializerOptions(RegistryJson.Default.Options) { WriteIndented = true }).ProvenanceReportView) + "\n",
            "csv" => ProvenanceCsv.Write(report),
            _ => InTotoProvenance.Write(report, genesis.GenesisHash.ToString(), chain.GetHeader(report.Version.RegisteredHeight)?.TimeMs ?? report.BlockTimeMs),
        };

        if (input.Option(Out.Name) is { } path)
        {
            AuditCommandInput.WriteFile(path, System.Text.Encoding.UTF8.GetBytes(text));
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{format}: {Path.GetFullPath(path)} (version {report.Model.Name} {report.Version.Semver} at block {report.Height}, {report.Facts.Count} proven facts)"));
        }
        else
        {
            console.Out.Write(text);
        }

        return ExitCodes.Success;
    }
}
