using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation.Onnx;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>The outcome of evaluating one model on one benchmark: integers that every validator must reproduce exactly.</summary>
/// <remarks>
/// <para>
/// Validators compare <see cref="Canonical.Encode{T}(T)"/> of their results: evaluator version, hashes,
/// status, metric integers, work and the output digest. <see cref="RejectionMessage"/> is for people and is not
/// part of the encoding; the rejection reason is.
/// </para>
/// <para>
/// <see cref="OutputDigest"/> is the SHA-256 of every value of the scored tensor in sample order (see
/// <c>docs/spec/benchmark-dataset.md</c>): equal digests mean bit-identical model outputs, so a mismatch between
/// validators can be told apart from a metric bug.
/// </para>
/// </remarks>
public sealed record EvaluationResult : ICanonicalEncodable<EvaluationResult>
{
    public const int MaxVersionBytes = 64;
    private const byte EncodingVersion = 1;

    public required string EvaluatorVersion { get; init; }

    public required Hash256 ModelHash { get; init; }

    public required Hash256 DatasetHash { get; init; }

    public required EvaluationStatus Status { get; init; }

    public required BenchmarkMetric Metric { get; init; }

    /// <summary>The value the verdict compared: basis points or micro-units (0 for an invalid model).</summary>
    public long MetricValue { get; init; }

    public long Threshold { get; init; }

    public long SampleCount { get; init; }

    /// <summary>Correct predictions (classification).</summary>
    public long Correct { get; init; }

    public long PrecisionBp { get; init; }

    public long RecallBp { get; init; }

    public long F1Bp { get; init; }

    public long MseMicro { get; init; }

    public long MaeMicro { get; init; }

    /// <summary>Work units of the whole evaluation, computed from the graph before running.</summary>
    public long WorkUnits { get; init; }

    public Hash256 OutputDigest { get; init; }

    public ModelRejectionReason? RejectionReason { get; init; }

    public string? RejectionMessage { get; init; }

    public void Encode(ref CanonicalWriter writer)
    {
        writer.WriteByte(EncodingVersion);
        writer.WriteString(EvaluatorVersion, MaxVersionBytes);
        writer.WriteHash(ModelHash);
        writer.WriteHash(DatasetHash);
        writer.WriteByte((byte)Status);
        writer.WriteByte((byte)Metric);
        writer.WriteInt64(MetricValue);
        writer.WriteInt64(Threshold);
        writer.WriteInt64(SampleCount);
        writer.WriteInt64(Correct);
        writer.WriteInt64(PrecisionBp);
        writer.WriteInt64(RecallBp);
        writer.WriteInt64(F1Bp);
        writer.WriteInt64(MseMicro);
        writer.WriteInt64(MaeMicro);
        writer.WriteInt64(WorkUnits);
        writer.WriteHash(OutputDigest);
        writer.WriteByte((byte)(RejectionReason ?? 0));
    }

    public static EvaluationResult Decode(ref CanonicalReader reader)
    {
        reader.ReadVersion("evaluation result version", EncodingVersion);
        var version = reader.ReadString("evaluator version", MaxVersionBytes);
        var model = reader.ReadHash("model hash");
        var dataset = reader.ReadHash("dataset hash");
        var status = reader.ReadEnum<EvaluationStatus>("status");
        var metric = reader.ReadEnum<BenchmarkMetric>("metric");
        var result = new EvaluationResult
        {
            EvaluatorVersion = version,
            ModelHash = model,
            DatasetHash = dataset,
            Status = status,
            Metric = metric,
            MetricValue = reader.ReadInt64("metric value"),
            Threshold = reader.ReadInt64("threshold"),
            SampleCount = reader.ReadInt64("sample count"),
            Correct = reader.ReadInt64("correct"),
            PrecisionBp = reader.ReadInt64("precision"),
            RecallBp = reader.ReadInt64("recall"),
            F1Bp = reader.ReadInt64("f1"),
            MseMicro = reader.ReadInt64("mse"),
            MaeMicro = reader.ReadInt64("mae"),
            WorkUnits = reader.ReadInt64("work units"),
            OutputDigest = reader.ReadHash("output digest"),
        };
        var start = reader.Position;
        var reason = reader.ReadByte("rejection reason");
        if ((reason == 0) != (status != EvaluationStatus.InvalidModel) || (reason != 0 && !Enum.IsDefined((ModelRejectionReason)reason)))
        {
            throw new CodecException("rejection reason", start, "must be set exactly for an invalid model");
        }

        return result with { RejectionReason = reason == 0 ? null : (ModelRejectionReason)reason };
    }
}
