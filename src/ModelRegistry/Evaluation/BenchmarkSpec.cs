using System.Globalization;
using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>What a benchmark asks of a model: which output to score, how to read it, the metric and the threshold.</summary>
/// <remarks>
/// The scored output is named by the benchmark, never guessed: it must be one of the model's graph outputs.
/// A ZipMap output is scored through its input tensor (per-class scores), whose columns are the ZipMap's class
/// labels. Integer or string outputs are read as predicted labels; floating outputs with two or more values per
/// sample as per-class scores (the first highest score wins). <see cref="LabelMapping"/> turns model labels
/// into dataset labels; when empty, integer labels and class indices are used as they are.
/// </remarks>
public sealed record BenchmarkSpec : ICanonicalEncodable<BenchmarkSpec>
{
    public const int MaxNameBytes = 256;
    public const int MaxLabelMappings = 65_536;
    public const int MaxInputBindings = 64;
    private const byte EncodingVersion = 1;

    public required string ScoredOutput { get; init; }

    public required BenchmarkTask Task { get; init; }

    public required BenchmarkMetric Metric { get; init; }

    /// <summary>Basis points (0..10,000) for classification metrics, micro-units (≥ 0) for regression errors.</summary>
    public required long Threshold { get; init; }

    /// <summary>For precision, recall and F1: the positive class; when null they are macro-averaged.</summary>
    public long? PositiveLabel { get; init; }

    public IReadOnlyList<LabelMapEntry> LabelMapping { get; init; } = [];

    public IReadOnlyList<InputBinding> Inputs { get; init; } = [];

    /// <summary>SHA-256 of the dataset bytes; the evaluator refuses other data. Zero skips the check (local tools only).</summary>
    public Hash256 DatasetHash { get; init; }

    /// <summary>Rejects an inconsistent specification.</summary>
    /// <exception cref="ArgumentException">The specification cannot describe a benchmark.</exception>
    public void Validate()
    {
        if (string.IsNullOrEmpty(ScoredOutput) || System.Text.Encoding.UTF8.GetByteCount(ScoredOutput) > MaxNameBytes)
        {
            throw new ArgumentException($"the scored output name must have 1 to {MaxNameBytes} bytes", nameof(ScoredOutput));
        }

        var classification = Metric is BenchmarkMetric.Accuracy or BenchmarkMetric.Precision or BenchmarkMetric.Recall or BenchmarkMetric.F1;
        var regression = Metric is BenchmarkMetric.MeanSquaredError or BenchmarkMetric.MeanAbsoluteError;
        if ((Task == BenchmarkTask.Classification && !classification) || (Task == BenchmarkTask.Regression && !regression)
            || !Enum.IsDefined(Task))
        {
            throw new ArgumentException($"metric {Metric} does not fit task {Task}", nameof(Metric));
        }

        if (classification ? Threshold is < 0 or > 10_000 : Threshold < 0)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"threshold {Threshold} is out of range"), nameof(Threshold));
        }

        if (regression && (PositiveLabel is not null || LabelMapping.Count > 0))
        {
            throw new ArgumentException("a regression benchmark has no positive label and no label mapping", nameof(LabelMapping));
        }

        if (LabelMapping.Count > MaxLabelMappings
            || LabelMapping.Select(e => e.ModelLabel).Distinct(StringComparer.Ordinal).Count() != LabelMapping.Count
            || LabelMapping.Any(e => System.Text.Encoding.UTF8.GetByteCount(e.ModelLabel) > MaxNameBytes))
        {
            throw new ArgumentException("label mapping entries must be unique model labels of at most 256 bytes", nameof(LabelMapping));
        }

        if (Inputs.Count > MaxInputBindings
            || Inputs.Select(b => b.Name).Distinct(StringComparer.Ordinal).Count() != Inputs.Count
            || Inputs.Any(b => b.Name.Length == 0 || b.FirstFeature < 0 || b.Width < 1))
        {
            throw new ArgumentException("input bindings must name distinct inputs with a non-negative start and a positive width", nameof(Inputs));
        }
    }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(EncodingVersion);
        writer.WriteString(ScoredOutput, MaxNameBytes);
        writer.WriteByte((byte)Task);
        writer.WriteByte((byte)Metric);
        writer.WriteInt64(Threshold);
        writer.WriteBool(PositiveLabel is not null);
        if (PositiveLabel is { } positive)
        {
            writer.WriteInt64(positive);
        }

        writer.WriteList(LabelMapping, MaxLabelMappings, static (ref CanonicalWriter w, LabelMapEntry e) =>
        {
            w.WriteString(e.ModelLabel, MaxNameBytes);
            w.WriteInt64(e.DatasetLabel);
        });
        writer.WriteList(Inputs, MaxInputBindings, static (ref CanonicalWriter w, InputBinding b) =>
        {
            w.WriteString(b.Name, MaxNameBytes);
            w.WriteUInt32((uint)b.FirstFeature);
            w.WriteUInt32((uint)b.Width);
        });
        writer.WriteHash(DatasetHash);
    }

    public static BenchmarkSpec Decode(ref CanonicalReader reader)
    {
        reader.ReadVersion("benchmark spec version", EncodingVersion);
        var output = reader.ReadString("scored output", MaxNameBytes);
        var task = reader.ReadEnum<BenchmarkTask>("task");
        var metric = reader.ReadEnum<BenchmarkMetric>("metric");
        var threshold = reader.ReadInt64("threshold");
        long? positive = reader.ReadBool("has positive label") ? reader.ReadInt64("positive label") : null;
        var mapping = reader.ReadList("label mapping", MaxLabelMappings, static (ref CanonicalReader r) =>
            new LabelMapEntry(r.ReadString("model label", MaxNameBytes), r.ReadInt64("dataset label")));
        var inputs = reader.ReadList("inputs", MaxInputBindings, static (ref CanonicalReader r) =>
            new InputBinding(r.ReadString("input name", MaxNameBytes), ReadInt31(ref r, "first feature"), ReadInt31(ref r, "width")));
        var hash = reader.ReadHash("dataset hash");
        var spec = new BenchmarkSpec
        {
            ScoredOutput = output,
            Task = task,
            Metric = metric,
            Threshold = threshold,
            PositiveLabel = positive,
            LabelMapping = mapping,
            Inputs = inputs,
            DatasetHash = hash,
        };
        try
        {
            spec.Validate();
        }
        catch (ArgumentException e)
        {
            throw new CodecException("benchmark spec", reader.Position, e.Message);
        }

        return spec;
    }

    /// <summary>A u32 that must fit an int: a larger value is rejected, never clamped, so one encoding means one specification.</summary>
    private static int ReadInt31(ref CanonicalReader reader, string field)
    {
        var at = reader.Position;
        var value = reader.ReadUInt32(field);
        return value <= int.MaxValue
            ? (int)value
            : throw new CodecException(field, at, string.Create(CultureInfo.InvariantCulture, $"{value} is above the largest accepted value {int.MaxValue}"));
    }
}
