using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Transactions;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain evaluation report-conflict --first FILE --second FILE --key FILE</c>: submits
/// ReportConflictingEvaluation (kind 113) for two signed evaluations of one validator that state different
/// results. Each file holds a <c>SignedEvaluation</c> as hex (the <c>signedEvaluation</c> field of
/// <c>registry_getEvaluation</c>). Any account may report; the chain checks the evidence.
/// </summary>
internal sealed class EvaluationReportConflictCommand : Command
{
    private static readonly OptionSpec FirstOption = new("first", "FILE", "one signed evaluation, as hex", Required: true);
    private static readonly OptionSpec SecondOption = new("second", "FILE", "the conflicting signed evaluation, as hex", Required: true);

    public override string Name => "report-conflict";

    public override string Summary => "report two conflicting signed evaluations of one validator (slashes it like a double vote)";

    public override IReadOnlyList<OptionSpec> Options => [FirstOption, SecondOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var evidence = ConflictingEvaluationEvidence.Of(Read(input, FirstOption), Read(input, SecondOption));
        var statement = evidence.First.Statement;
        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        console.Out.WriteLine($"evidence:    artifact {RegistryIds.Format(statement.ArtifactHash)} on '{statement.Benchmark}' ({statement.EvaluatorVersion}), results {statement.ResultHash} and {evidence.Second.Statement.ResultHash}");
        return RegistryCommandSupport.Submit(client, input, console, key, new ReportConflictingEvaluationPayload(evidence), out _);
    }

    private static SignedEvaluation Read(CommandInput input, OptionSpec option)
    {
        var path = input.Option(option.Name)!;
        try
        {
            return Canonical.Decode<SignedEvaluation>(Hex.Decode(RegistryCommandSupport.ReadText(option.Name, path).Trim()));
        }
        catch (FormatException e)
        {
            throw new CommandException($"--{option.Name} {path}: not a signed evaluation in hex: {e.Message}", e);
        }
    }
}
