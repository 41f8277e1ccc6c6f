using DaiChain.Ledger.Encoding;
using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Onnx;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

public class EvaluationEncodingTests
{
    [Fact]
    public void Benchmark_spec_round_trips_canonically()
    {
        var spec = new BenchmarkSpec
        {
            ScoredOutput = "PredictedLabel.output",
            Task = BenchmarkTask.Classification,
            Metric = BenchmarkMetric.F1,
            Threshold = 8500,
            PositiveLabel = 1,
            LabelMapping = [new LabelMapEntry("1", 0), new LabelMapEntry("2", 1)],
            Inputs = [new InputBinding("size", 0, 4), new InputBinding("texture", 4, 2)],
            DatasetHash = Hash256.Compute([7]),
        };
        var bytes = Canonical.Encode(spec);
        var decoded = Canonical.Decode<BenchmarkSpec>(bytes);
        Assert.Equal(bytes, Canonical.Encode(decoded));
        Assert.Equal(spec.LabelMapping, decoded.LabelMapping);
        Assert.Equal(spec.Inputs, decoded.Inputs);
        Assert.Throws<CodecException>(() => Canonical.Decode<BenchmarkSpec>([.. bytes, 0]));
    }

    [Theory]
    [InlineData(0u, 2_147_483_648u)]
    [InlineData(2_147_483_648u, 1u)]
    [InlineData(uint.MaxValue, 1u)]
    public void Decoding_rejects_an_input_binding_above_int_max_instead_of_clamping(uint firstFeature, uint width)
    {
        var bytes = Canonical.Encode(new BenchmarkSpec
        {
            ScoredOutput = "y",
            Task = BenchmarkTask.Classification,
            Metric = BenchmarkMetric.Accuracy,
            Threshold = 9_000,
            Inputs = [new InputBinding("x", 0, 1)],
        });

        // From the end: hash (32), then the only binding's width (4) and first feature (4).
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 32 - 8), firstFeature);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(bytes.Length - 32 - 4), width);
        var e = Assert.Throws<CodecException>(() => Canonical.Decode<BenchmarkSpec>(bytes));
        Assert.Contains("above the largest accepted value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decoding_keeps_an_input_binding_at_int_max()
    {
        var spec = new BenchmarkSpec
        {
            ScoredOutput = "y",
            Task = BenchmarkTask.Classification,
            Metric = BenchmarkMetric.Accuracy,
            Threshold = 9_000,
            Inputs = [new InputBinding("x", int.MaxValue, int.MaxValue)],
        };
        Assert.Equal(spec.Inputs, Canonical.Decode<BenchmarkSpec>(Canonical.Encode(spec)).Inputs);
    }

    [Fact]
    public void Decoding_rejects_an_inconsistent_spec()
    {
        var bytes = Canonical.Encode(new BenchmarkSpec { ScoredOutput = "y", Task = BenchmarkTask.Classification, Metric = BenchmarkMetric.Accuracy, Threshold = 10_000 });
        // From the end: hash (32), input count, mapping count, has-positive flag, threshold (8), then the metric.
        Assert.Equal((byte)BenchmarkMetric.Accuracy, bytes[^(32 + 1 + 1 + 1 + 8 + 1)]);
        bytes[^(32 + 1 + 1 + 1 + 8 + 1)] = (byte)BenchmarkMetric.MeanSquaredError;
        var e = Assert.Throws<CodecException>(() => Canonical.Decode<BenchmarkSpec>(bytes));
        Assert.Contains("does not fit task", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluation_result_round_trips_canonically_without_the_message()
    {
        var result = new EvaluationResult
        {
            EvaluatorVersion = Evaluator.Version,
            ModelHash = Hash256.Compute([1]),
            DatasetHash = Hash256.Compute([2]),
            Status = EvaluationStatus.InvalidModel,
            Metric = BenchmarkMetric.Accuracy,
            Threshold = 9000,
            SampleCount = 10,
            RejectionReason = ModelRejectionReason.UnsupportedOperator,
            RejectionMessage = "unsupported operator LSTM (domain ai.onnx, opset 13)",
        };
        var decoded = Canonical.Decode<EvaluationResult>(Canonical.Encode(result));
        Assert.Equal(result with { RejectionMessage = null }, decoded);
    }

    [Fact]
    public void A_rejection_reason_on_an_evaluated_model_is_not_canonical()
    {
        var result = new EvaluationResult
        {
            EvaluatorVersion = Evaluator.Version,
            ModelHash = Hash256.Zero,
            DatasetHash = Hash256.Zero,
            Status = EvaluationStatus.Accepted,
            Metric = BenchmarkMetric.Accuracy,
        };
        var bytes = Canonical.Encode(result);
        bytes[^1] = 4;
        Assert.Throws<CodecException>(() => Canonical.Decode<EvaluationResult>(bytes));
    }
}
