using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.ModelRegistry.Evaluation;

namespace DaiChain.Node.Evaluation;

/// <summary>
/// A benchmark definition as JSON, for the CLI: <c>scoredOutput</c>, <c>task</c> (Classification, Regression),
/// <c>metric</c> (Accuracy, Precision, Recall, F1, MeanSquaredError, MeanAbsoluteError), <c>threshold</c> (basis points
/// or micro-units), optional <c>positiveLabel</c>, <c>labelMapping</c> (<c>[{"modelLabel", "datasetLabel"}]</c>) and
/// <c>inputs</c> (<c>[{"name", "firstFeature", "width"}]</c>): the format of the fixtures' manifest.
/// </summary>
public static class BenchmarkSpecJson
{
    private static readonly string[] Fields = ["scoredOutput", "task", "metric", "threshold", "positiveLabel", "labelMapping", "inputs"];

    /// <summary>Parses and validates a definition; the dataset hash is left zero for the caller to set.</summary>
    /// <exception cref="FormatException">The text is not a valid definition; the message names the problem.</exception>
    public static BenchmarkSpec Parse(string json)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json) as JsonObject ?? throw new FormatException("a benchmark definition is a JSON object");
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }

        foreach (var (name, _) in root)
        {
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new FormatException($"unknown field '{name}'; the fields are {string.Join(", ", Fields)}");
            }
        }

        try
        {
            var spec = new BenchmarkSpec
            {
                ScoredOutput = Required(root, "scoredOutput").GetValue<string>(),
                Task = Enum<BenchmarkTask>(root, "task"),
                Metric = Enum<BenchmarkMetric>(root, "metric"),
                Threshold = Required(root, "threshold").GetValue<long>(),
                PositiveLabel = root["positiveLabel"]?.GetValue<long>(),
                LabelMapping = [.. (root["labelMapping"]?.AsArray() ?? []).Select(e => new LabelMapEntry(Required(e!.AsObject(), "modelLabel").GetValue<string>(), Required(e.AsObject(), "datasetLabel").GetValue<long>()))],
                Inputs = [.. (root["inputs"]?.AsArray() ?? []).Select(e => new InputBinding(Required(e!.AsObject(), "name").GetValue<string>(), Required(e.AsObject(), "firstFeature").GetValue<int>(), Required(e.AsObject(), "width").GetValue<int>()))],
            };
            spec.Validate();
            return spec;
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new FormatException(e.Message, e);
        }
    }

    private static JsonNode Required(JsonObject o, string name) => o[name] ?? throw new FormatException($"field '{name}' is missing");

    private static T Enum<T>(JsonObject o, string name)
        where T : struct, System.Enum
    {
        var text = Required(o, name).GetValue<string>();
        return System.Enum.TryParse<T>(text, ignoreCase: false, out var value) && System.Enum.IsDefined(value) && !int.TryParse(text, out _)
            ? value
            : throw new FormatException($"{name} '{text}' is not one of {string.Join(", ", System.Enum.GetNames<T>())}");
    }
}
