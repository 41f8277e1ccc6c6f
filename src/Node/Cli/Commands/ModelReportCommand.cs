using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.ModelRegistry.Queries;
using DaiChain.Node.Registry;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain model report --version ID [--height H] [--out FILE] [--verify]</c>: fetches the version's provenance
/// report (every fact with its state proof) and, with <c>--verify</c>, checks every proof here against the report's
/// state root, trusting the node for nothing but the header.
/// </summary>
internal sealed class ModelReportCommand : Command
{
    private static readonly OptionSpec VersionOption = new("version", "ID", "the version id", Required: true);
    private static readonly OptionSpec HeightOption = new("height", "H", "prove against this committed height (default: the latest)");
    private static readonly OptionSpec OutOption = new("out", "FILE", "write the report to FILE instead of standard output");
    private static readonly OptionSpec VerifyOption = new("verify", null, "check every fact's proof against the state root; exit 1 if any fails");

    public override string Name => "report";

    public override string Summary => "print a version's provenance report, optionally verifying its proofs";

    public override IReadOnlyList<OptionSpec> Options => [VersionOption, HeightOption, OutOption, VerifyOption, RegistryCommandSupport.RpcOption];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var parameters = new JsonObject { ["version"] = input.Option(VersionOption.Name) };
        if (input.Has(HeightOption.Name))
        {
            parameters["height"] = (long)RegistryCommandSupport.ParseUInt64(input, HeightOption.Name);
        }

        using var client = RegistryCommandSupport.Client(input);
        var report = RegistryCommandSupport.Call(client, "registry_provenanceReport", parameters)!;
        var text = report.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
        if (input.Option(OutOption.Name) is { } path)
        {
            File.WriteAllText(path, text + "\n");
            console.Out.WriteLine($"report:      {path}");
        }
        else
        {
            console.Out.WriteLine(text);
        }

        if (!input.Has(VerifyOption.Name))
        {
            return ExitCodes.Success;
        }

        var typed = report.Deserialize(RegistryJson.Default.ProvenanceReportView) ?? throw new CommandException("the node's report is empty");
        var problems = ProvenanceVerifier.Verify(typed);
        foreach (var problem in problems)
        {
            console.Error.WriteLine($"proof failed: {problem}");
        }

        if (problems.Count > 0)
        {
            throw new CommandException($"{problems.Count} of {typed.Facts.Count} facts do not verify against state root {typed.StateRoot}");
        }

        console.Out.WriteLine($"verified:    {typed.Facts.Count} facts against state root {typed.StateRoot} of block {typed.BlockHash} (height {typed.Height}); check that block's commit certificate to trust the root");
        return ExitCodes.Success;
    }
}
