using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Records;

/// <summary>
/// How a benchmark scores a model: the output to score, the task and metric, the acceptance threshold, the label
/// mapping and input bindings, and the hash of the benchmark data.
/// </summary>
/// <remarks>
/// The encoding is byte for byte the evaluator's benchmark specification, version 1 (docs/spec/registry.md), so
/// validators hand the committed bytes to the evaluator unchanged: version <c>u8 = 1</c>, scored output
/// <c>string&lt;256&gt;</c>, task <c>u8</c>, metric <c>u8</c>, threshold <c>i64</c>, has positive label <c>bool</c>
/// [positive label <c>i64</c>], label mapping <c>list&lt;(string&lt;256&gt;, i64), 65536&gt;</c>, inputs
/// <c>list&lt;(string&lt;256&gt;, u32, u32), 64&gt;</c>, dataset hash (32).
/// </remarks>
public sealed record BenchmarkDefinition : ICanonicalEncodable<BenchmarkDefinition>
{
    public const int MaxNameBytes = 256;
    public const int MaxLabelMappings = 65_536;
    public const int MaxInputBindings = 64;
    private const byte Version1 = 1;

    public required string ScoredOutput { get; init; }

    public required BenchmarkTaskKind Task { get; init; }

    public required BenchmarkMetricKind Metric { get; init; }

    /// <summary>Basis points (0..10,000) for classification metrics, micro-units (≥ 0) for regression errors.</summary>
    public required long Threshold { get; init; }

    /// <summary>For precision, recall and F1: the positive class; null means macro-averaged.</summary>
    public long? PositiveLabel { get; init; }

    public IReadOnlyList<LabelMapping> LabelMappings { get; init; } = [];

    public IReadOnlyList<InputFeatureBinding> Inputs { get; init; } = [];

    /// <summary>SHA-256 of the benchmark data: the registered dataset's id.</summary>
    public required Hash256 DatasetHash { get; init; }

    public bool IsClassification => Metric is BenchmarkMetricKind.Accuracy or BenchmarkMetricKind.Precision or BenchmarkMetricKind.Recall or BenchmarkMetricKind.F1;

    /// <summary>Null when consistent, else what is wrong.</summary>
    public string? Problem()
    {
        if (ScoredOutput.Length == 0)
        {
            return "the scored output must name one of the model's graph outputs";
        }

        if ((Task == BenchmarkTaskKind.Classification) != IsClassification)
        {
            return $"metric {Metric} does not fit task {Task}";
        }

        if (IsClassification ? Threshold is < 0 or > 10_000 : Threshold < 0)
        {
            return IsClassification
                ? $"a classification threshold is in basis points, 0..10000; got {Threshold}"
                : $"a regression threshold is in micro-units, at least 0; got {Threshold}";
        }

        if (!IsClassification && (PositiveLabel is not null || LabelMappings.Count > 0))
        {
            return "a regression benchmark has no positive label and no label mapping";
        }

        var labels = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mapping in LabelMappings)
        {
            if (!labels.Add(mapping.ModelLabel))
            {
                return $"model label '{mapping.ModelLabel}' is mapped twice";
            }
        }

        var inputs = new HashSet<string>(StringComparer.Ordinal);
        foreach (var input in Inputs)
        {
            if (input.Name.Length == 0 || input.Width < 1 || input.FirstFeature > int.MaxValue || input.Width > int.MaxValue || !inputs.Add(input.Name))
            {
                return "input bindings name distinct inputs with a start and a positive width";
            }
        }

        return DatasetHash.IsZero ? "the benchmark must name its dataset's hash" : null;
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(Version1);
        writer.WriteString(ScoredOutput, MaxNameBytes);
        writer.WriteByte((byte)Task);
        writer.WriteByte((byte)Metric);
        writer.WriteInt64(Threshold);
        writer.WriteBool(PositiveLabel is not null);
        if (PositiveLabel is { } positive)
        {
            writer.WriteInt64(positive);
        }

        writer.WriteList(LabelMappings, MaxLabelMappings, static (ref CanonicalWriter w, LabelMapping m) =>
        {
            w.WriteString(m.ModelLabel, MaxNameBytes);
            w.WriteInt64(m.DatasetLabel);
        });
        writer.WriteList(Inputs, MaxInputBindings, static (ref CanonicalWriter w, InputFeatureBinding b) =>
        {
            w.WriteString(b.Name, MaxNameBytes);
            w.WriteUInt32(b.FirstFeature);
            w.WriteUInt32(b.Width);
        });
        writer.WriteHash(DatasetHash);
    }

    public static BenchmarkDefinition Decode(ref CanonicalReader reader)
    {
        _ = reader.ReadVersion("benchmark.spec_version", Version1);
        var output = reader.ReadString("benchmark.scored_output", MaxNameBytes);
        var task = reader.ReadEnum<BenchmarkTaskKind>("benchmark.task");
        var metric = reader.ReadEnum<BenchmarkMetricKind>("benchmark.metric");
        var threshold = reader.ReadInt64("benchmark.threshold");
        long? positive = reader.ReadBool("benchmark.has_positive_label") ? reader.ReadInt64("benchmark.positive_label") : null;
        var mappings = reader.ReadList("benchmark.label_mapping", MaxLabelMappings, static (ref CanonicalReader r) =>
            new LabelMapping(r.ReadString("benchmark.model_label", MaxNameBytes), r.ReadInt64("benchmark.dataset_label")));
        var inputs = reader.ReadList("benchmark.inputs", MaxInputBindings, static (ref CanonicalReader r) =>
            new InputFeatureBinding(r.ReadString("benchmark.input_name", MaxNameBytes), r.ReadUInt32("benchmark.first_feature"), r.ReadUInt32("benchmark.width")));
        return new BenchmarkDefinition
        {
            ScoredOutput = output,
            Task = task,
            Metric = metric,
            Threshold = threshold,
            PositiveLabel = positive,
            LabelMappings = mappings,
            Inputs = inputs,
            DatasetHash = reader.ReadHash("benchmark.dataset_hash"),
        };
    }
}
