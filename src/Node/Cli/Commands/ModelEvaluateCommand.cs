using System.Globalization;
using System.Text.Json.Nodes;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Queries;
using DaiChain.Node.Evaluation;

namespace DaiChain.Node.Cli.Commands;

/// <summary>
/// <c>daichain model evaluate --local FILE --benchmark NAME [--spec FILE] [--dataset FILE] [--rpc URL] [--json]</c>: runs
/// the validators' evaluator on a local ONNX file, offline, and prints the result a validator would record, or why
/// the model would be dropped. The benchmark's definition comes from the node (<c>registry_getBenchmark</c>) unless
/// <c>--spec</c> gives it; its data from <c>--dataset</c>, else from the node's artifact store (public datasets only).
/// </summary>
/// <remarks>Exit code 0 when the model would be accepted, 1 when rejected or not evaluable.</remarks>
internal sealed class ModelEvaluateCommand : Command
{
    private static readonly OptionSpec LocalOption = new("local", "FILE", "the ONNX model file to evaluate", Required: true);
    private static readonly OptionSpec BenchmarkOption = new("benchmark", "NAME", "the benchmark's name", Required: true);
    private static readonly OptionSpec SpecOption = new("spec", "FILE", "the benchmark definition as JSON (default: ask the node)");
    private static readonly OptionSpec DatasetOption = new("dataset", "FILE", "the benchmark dataset file (default: download it from the node)");

    public override string Name => "evaluate";

    public override string Summary => "evaluate a local model on a benchmark, as validators will";

    public override IReadOnlyList<OptionSpec> Options => [LocalOption, BenchmarkOption, SpecOption, DatasetOption, RegistryCommandSupport.JsonOption, RegistryCommandSupport.RpcOption];

    public override int Execute(CommandInput input, CliConsole console)
    {
        var modelPath = input.Option(LocalOption.Name)!;
        var benchmark = input.Option(BenchmarkOption.Name)!;
        var model = Read(LocalOption.Name, modelPath);
        var spec = input.Option(SpecOption.Name) is { } specPath ? ParseSpec(specPath) : FromNode(input, benchmark);
        byte[] dataset;
        if (input.Option(DatasetOption.Name) is { } datasetPath)
        {
            dataset = Read(DatasetOption.Name, datasetPath);
        }
        else if (!spec.DatasetHash.IsZero)
        {
            dataset = Download(input, spec.DatasetHash);
        }
        else
        {
            throw new UsageException("with --spec, give the data with --dataset FILE");
        }

        EvaluationResult result;
        try
        {
            result = new Evaluator().Evaluate(model, dataset, spec);
        }
        catch (BenchmarkDatasetException e)
        {
            throw new CommandException($"the dataset cannot be used: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new CommandException($"the benchmark definition is inconsistent: {e.Message}", e);
        }

        if (input.Has(RegistryCommandSupport.JsonOption.Name))
        {
            RegistryCommandSupport.PrintJson(console, ToJson(benchmark, result));
        }
        else
        {
            Print(console, benchmark, result);
        }

        return result.Status == EvaluationStatus.Accepted ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static JsonObject ToJson(string benchmark, EvaluationResult r) => new()
    {
        ["benchmark"] = benchmark,
        ["status"] = RegistryViews.Word(r.Status),
        ["evaluatorVersion"] = r.EvaluatorVersion,
        ["model"] = "0x" + r.ModelHash,
        ["dataset"] = "0x" + r.DatasetHash,
        ["metric"] = r.Metric.ToString(),
        ["metricValue"] = r.MetricValue,
        ["threshold"] = r.Threshold,
        ["samples"] = r.SampleCount,
        ["correct"] = r.Correct,
        ["precisionBp"] = r.PrecisionBp,
        ["recallBp"] = r.RecallBp,
        ["f1Bp"] = r.F1Bp,
        ["mseMicro"] = r.MseMicro,
        ["maeMicro"] = r.MaeMicro,
        ["workUnits"] = r.WorkUnits,
        ["outputDigest"] = "0x" + r.OutputDigest,
        ["resultHash"] = "0x" + Hash256.Compute(Canonical.Encode(r)),
        ["rejectionReason"] = r.RejectionReason?.ToString(),
        ["message"] = r.RejectionMessage,
    };

    private static void Print(CliConsole console, string benchmark, EvaluationResult r)
    {
        var o = console.Out;
        o.WriteLine($"benchmark:   {benchmark} ({r.EvaluatorVersion})");
        o.WriteLine($"model:       0x{r.ModelHash}");
        o.WriteLine($"dataset:     0x{r.DatasetHash} ({r.SampleCount.ToString(CultureInfo.InvariantCulture)} samples)");
        if (r.Status == EvaluationStatus.InvalidModel)
        {
            o.WriteLine($"status:      invalid_model: {r.RejectionReason}: {r.RejectionMessage}");
            o.WriteLine("             validators drop such a version: nothing is committed");
            return;
        }

        var unit = r.Metric is BenchmarkMetric.MeanSquaredError or BenchmarkMetric.MeanAbsoluteError ? "micro-units, at most" : "basis points, at least";
        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"metric:      {r.Metric} {r.MetricValue} ({unit} {r.Threshold} to pass)"));
        if (r.Metric is not (BenchmarkMetric.MeanSquaredError or BenchmarkMetric.MeanAbsoluteError))
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"counts:      {r.Correct} correct of {r.SampleCount}; precision {r.PrecisionBp}, recall {r.RecallBp}, F1 {r.F1Bp} bp"));
        }
        else
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"errors:      MSE {r.MseMicro}, MAE {r.MaeMicro} micro-units"));
        }

        o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"work:        {r.WorkUnits} units"));
        o.WriteLine($"result hash: 0x{Hash256.Compute(Canonical.Encode(r))}");
        o.WriteLine($"status:      {RegistryViews.Word(r.Status)}");
    }

    private static BenchmarkSpec ParseSpec(string path)
    {
        try
        {
            return BenchmarkSpecJson.Parse(RegistryCommandSupport.ReadText(SpecOption.Name, path));
        }
        catch (FormatException e)
        {
            throw new CommandException($"--spec {path}: {e.Message}", e);
        }
    }

    /// <summary>The committed definition, from the node's view of it; a benchmark with label mappings or input bindings needs <c>--spec</c>.</summary>
    private static BenchmarkSpec FromNode(CommandInput input, string benchmark)
    {
        using var client = RegistryCommandSupport.Client(input);
        var view = (JsonObject)RegistryCommandSupport.Call(client, "registry_getBenchmark", new JsonObject { ["name"] = benchmark })!;
        if (view["labelMappings"]!.GetValue<int>() > 0 || view["inputBindings"]!.GetValue<int>() > 0)
        {
            throw new CommandException($"benchmark '{benchmark}' has label mappings or input bindings that the node's view does not list; pass its definition with --spec FILE");
        }

        return new BenchmarkSpec
        {
            ScoredOutput = view["scoredOutput"]!.GetValue<string>(),
            Task = Word<BenchmarkTask>(view["task"]!.GetValue<string>()),
            Metric = Word<BenchmarkMetric>(view["metric"]!.GetValue<string>()),
            Threshold = view["threshold"]!.GetValue<long>(),
            PositiveLabel = view["positiveLabel"]?.GetValue<long>(),
            DatasetHash = RegistryCommandSupport.ParseHash("benchmark", view["dataset"]!.GetValue<string>()),
        };
    }

    /// <summary>An enum from the node's snake_case word (<c>mean_squared_error</c>).</summary>
    private static T Word<T>(string word)
        where T : struct, Enum =>
        Enum.TryParse<T>(word.Replace("_", string.Empty, StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new CommandException($"the node describes the benchmark with '{word}', which this version of daichain does not know; pass its definition with --spec FILE");

    private static byte[] Download(CommandInput input, Hash256 hash)
    {
        var url = new Uri(RegistryCommandSupport.Endpoint(input), "/artifacts/" + hash);
        // Bounded like the evaluator's own dataset limit: the node is not trusted to send a sane amount.
        using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(10), MaxResponseContentBufferSize = EvaluationLimits.Default.MaxDatasetBytes };
        try
        {
            using var response = http.GetAsync(url).GetAwaiter().GetResult();
            if (!response.IsSuccessStatusCode)
            {
                throw new CommandException($"the node does not serve dataset 0x{hash} (HTTP {(int)response.StatusCode}); a private dataset is never served: pass --dataset FILE");
            }

            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }
        catch (HttpRequestException e)
        {
            throw new CommandException($"cannot download dataset 0x{hash} from {url}: {e.Message}", e);
        }
    }

    private static byte[] Read(string option, string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandException($"--{option} {path}: {e.Message}", e);
        }
    }
}
