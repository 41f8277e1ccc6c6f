using System.Globalization;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Evaluation.Metrics;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Runtime;

namespace DaiChain.ModelRegistry.Evaluation;

/// <summary>
/// Evaluates an ONNX model on a benchmark dataset and returns integer metrics and a verdict that every validator
/// reproduces bit for bit.
/// </summary>
/// <remarks>
/// <para>
/// Pipeline: the dataset is checked against its commitment and decoded; the model is parsed with bounded
/// protobuf decoding and validated; the graph is pruned to the scored output; a plan computed from shapes alone
/// fixes the batch size and the total work, which must fit <see cref="EvaluationLimits.MaxWorkUnits"/>; then the
/// samples run through scalar, fixed-order kernels and the metric is computed in integers.
/// </para>
/// <para>
/// Errors: a problem of the model (including how it fits the benchmark) is a result with status
/// <see cref="EvaluationStatus.InvalidModel"/> and a <see cref="ModelRejectionReason"/>; a problem of the
/// benchmark or of the validator's copy of its data throws (<see cref="ArgumentException"/> for the
/// specification, <see cref="BenchmarkDatasetException"/> for the data), because it says nothing about the model.
/// Nothing here reads a clock, so the verdict never depends on machine speed.
/// </para>
/// </remarks>
public sealed class Evaluator
{
    /// <summary>Identifies the evaluation semantics (operators, limits, metrics); results of different versions are not comparable.</summary>
    public const string Version = "daichain-onnx-eval/1";

    private readonly EvaluationLimits _limits;
    private readonly int _parallelism;

    /// <param name="limits">The consensus limits; <see cref="EvaluationLimits.Default"/> when null.</param>
    /// <param name="parallelism">Batches that may run at once (results are combined in sample order, so any value gives the same result).</param>
    public Evaluator(EvaluationLimits? limits = null, int parallelism = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _limits = limits ?? EvaluationLimits.Default;
        _parallelism = parallelism;
    }

    /// <summary>Evaluates <paramref name="model"/> on the benchmark <paramref name="spec"/> with its dataset bytes.</summary>
    /// <exception cref="ArgumentException">The specification is inconsistent.</exception>
    /// <exception cref="BenchmarkDatasetException">The dataset bytes are malformed, over the limits, do not match the
    /// specification's commitment, or have labels of the wrong kind for the task.</exception>
    public EvaluationResult Evaluate(ReadOnlySpan<byte> model, ReadOnlySpan<byte> dataset, BenchmarkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var datasetHash = Hash256.Compute(dataset);
        if (!spec.DatasetHash.IsZero && spec.DatasetHash != datasetHash)
        {
            throw new BenchmarkDatasetException($"dataset hash {datasetHash} does not match the benchmark's commitment {spec.DatasetHash}");
        }

        return Evaluate(model, BenchmarkDataset.Decode(dataset, _limits), datasetHash, spec);
    }

    /// <summary>Evaluates on an already decoded dataset (a validator may keep benchmark datasets decoded).</summary>
    public EvaluationResult Evaluate(ReadOnlySpan<byte> model, BenchmarkDataset dataset, Hash256 datasetHash, BenchmarkSpec spec)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(spec);
        spec.Validate();
        var expected = spec.Task == BenchmarkTask.Classification ? DatasetLabelKind.Int64 : DatasetLabelKind.Float32;
        if (dataset.LabelKind != expected)
        {
            throw new BenchmarkDatasetException($"a {spec.Task} benchmark needs {expected} labels; the dataset has {dataset.LabelKind}");
        }

        var modelHash = Hash256.Compute(model);
        try
        {
            var session = Prepare(model, dataset, spec);
            var outputs = session.Run(dataset.Features, _parallelism);
            return Score(spec, dataset, outputs, session.WorkUnits) with { ModelHash = modelHash, DatasetHash = datasetHash };
        }
        catch (OnnxModelException e)
        {
            return new EvaluationResult
            {
                EvaluatorVersion = Version,
                ModelHash = modelHash,
                DatasetHash = datasetHash,
                Status = EvaluationStatus.InvalidModel,
                Metric = spec.Metric,
                Threshold = spec.Threshold,
                SampleCount = dataset.SampleCount,
                RejectionReason = e.Reason,
                RejectionMessage = e.Message,
            };
        }
    }

    /// <summary>Parses, validates, prunes and plans without running: the model's fitness for the benchmark and its work.</summary>
    /// <exception cref="OnnxModelException">The model is rejected.</exception>
    internal ScoringSession Prepare(ReadOnlySpan<byte> model, BenchmarkDataset dataset, BenchmarkSpec spec)
    {
        var parsed = OnnxModelLoader.Load(model, _limits);
        return ScoringSession.Prepare(parsed, spec, dataset.SampleShape, dataset.SampleCount, _limits);
    }

    private static EvaluationResult Score(BenchmarkSpec spec, BenchmarkDataset dataset, ScoredOutputs outputs, long work)
    {
        var result = new EvaluationResult
        {
            EvaluatorVersion = Version,
            ModelHash = Hash256.Zero,
            DatasetHash = Hash256.Zero,
            Status = EvaluationStatus.Rejected,
            Metric = spec.Metric,
            Threshold = spec.Threshold,
            SampleCount = dataset.SampleCount,
            WorkUnits = work,
            OutputDigest = outputs.Digest,
        };

        if (spec.Task == BenchmarkTask.Classification)
        {
            var m = ClassificationMetrics.Compute(dataset.ClassLabels!, outputs.Labels!, spec.PositiveLabel);
            var (value, accepted) = spec.Metric switch
            {
                BenchmarkMetric.Accuracy => (m.Correct * ClassificationMetrics.BasisPoints / m.Total, m.AccuracyAtLeast(spec.Threshold)),
                BenchmarkMetric.Precision => (m.PrecisionBp, m.PrecisionBp >= spec.Threshold),
                BenchmarkMetric.Recall => (m.RecallBp, m.RecallBp >= spec.Threshold),
                BenchmarkMetric.F1 => (m.F1Bp, m.F1Bp >= spec.Threshold),
                _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"metric {spec.Metric} is not a classification metric"), nameof(spec)),
            };
            return result with
            {
                Status = accepted ? EvaluationStatus.Accepted : EvaluationStatus.Rejected,
                MetricValue = value,
                Correct = m.Correct,
                PrecisionBp = m.PrecisionBp,
                RecallBp = m.RecallBp,
                F1Bp = m.F1Bp,
            };
        }

        var r = RegressionMetrics.Compute(dataset.Targets!, outputs.Values!);
        var metric = spec.Metric == BenchmarkMetric.MeanSquaredError ? r.MseMicro : r.MaeMicro;
        return result with
        {
            Status = metric <= spec.Threshold ? EvaluationStatus.Accepted : EvaluationStatus.Rejected,
            MetricValue = metric,
            MseMicro = r.MseMicro,
            MaeMicro = r.MaeMicro,
        };
    }
}
