using DaiChain.ModelRegistry;
using DaiChain.ModelRegistry.Transactions;
using DaiChain.Node.Evaluation;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain benchmark register --key FILE --name NAME --spec FILE (--dataset FILE | --dataset-hash HASH) [--description TEXT]</c>:
/// submits RegisterBenchmark (kind 106) for a registered dataset. The key's account needs <c>benchmark_curator</c>,
/// which only genesis or a passed governance proposal (GrantRole) gives: that is what makes benchmarks governed.
/// </summary>
internal sealed class BenchmarkRegisterCommand : Command
{
    private static readonly OptionSpec NameOption = new("name", "NAME", "the benchmark's name (lower-case letters, digits, '-', '_', '.')", Required: true);
    private static readonly OptionSpec SpecOption = new("spec", "FILE", "the definition as JSON: scoredOutput, task, metric, threshold, positiveLabel, labelMapping, inputs", Required: true);
    private static readonly OptionSpec DatasetOption = new("dataset", "FILE", "the benchmark dataset file (hashed here)");
    private static readonly OptionSpec DatasetHashOption = new("dataset-hash", "HASH", "the registered dataset's hash, instead of --dataset");
    private static readonly OptionSpec DescriptionOption = new("description", "TEXT", "what the benchmark measures");

    public override string Name => "register";

    public override string Summary => "register a benchmark (needs the governance-granted benchmark_curator role)";

    public override IReadOnlyList<OptionSpec> Options => [NameOption, SpecOption, DatasetOption, DatasetHashOption, DescriptionOption, .. RegistryCommandSupport.SubmitOptions];

    public override IReadOnlyList<string> NativeLibraries => [Ledger.Native.NativeLibraries.Secp256k1];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var datasetFile = input.Option(DatasetOption.Name);
        var datasetHash = RegistryCommandSupport.OptionalHash(input, DatasetHashOption.Name);
        if ((datasetFile is null) == (datasetHash is null))
        {
            throw new UsageException("give the benchmark's data with --dataset FILE or --dataset-hash HASH");
        }

        var hash = datasetHash ?? RegistryCommandSupport.HashFile(DatasetOption.Name, datasetFile!).Hash;
        var specPath = input.Option(SpecOption.Name)!;
        ModelRegistry.Evaluation.BenchmarkSpec spec;
        try
        {
            spec = BenchmarkSpecJson.Parse(RegistryCommandSupport.ReadText(SpecOption.Name, specPath)) with { DatasetHash = hash };
        }
        catch (FormatException e)
        {
            throw new CommandException($"--spec {specPath}: {e.Message}", e);
        }

        var name = input.Option(NameOption.Name)!;
        var payload = new RegisterBenchmarkPayload(name, input.Option(DescriptionOption.Name) ?? string.Empty, spec);
        using var key = RegistryCommandSupport.LoadKey(input, console);
        using var client = RegistryCommandSupport.Client(input);
        console.Out.WriteLine($"benchmark:   {name}: {spec.Metric} of '{spec.ScoredOutput}', threshold {spec.Threshold}, dataset {RegistryIds.Format(hash)}");
        var code = RegistryCommandSupport.Submit(client, input, console, key, payload, out _);
        if (code != ExitCodes.Success && input.Has(RegistryCommandSupport.WaitOption.Name))
        {
            console.Error.WriteLine($"note: registering benchmarks needs the '{RegistryRoles.BenchmarkCurator}' role, which only genesis or a passed GrantRole governance proposal gives");
        }

        return code;
    }
}
