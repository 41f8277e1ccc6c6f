using DaiChain.Ledger.Primitives;
using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Datasets;
using DaiChain.ModelRegistry.Evaluation.Onnx;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>What the evaluator returns for models that cannot be evaluated, and what it throws for bad benchmarks.</summary>
public class EvaluatorRejectionTests
{
    private static readonly byte[] Dataset = BenchmarkDataset.ForClassification([2], [1f, 0f, 0f, 1f, 2f, 1f, 1f, 3f], [0, 1, 0, 1]).Encode();

    private static BenchmarkSpec Spec(string output = "scores") => new()
    {
        ScoredOutput = output,
        Task = BenchmarkTask.Classification,
        Metric = BenchmarkMetric.Accuracy,
        Threshold = 5000,
    };

    private static EvaluationResult Evaluate(OnnxBuilder model, BenchmarkSpec? spec = null, EvaluationLimits? limits = null) =>
        new Evaluator(limits).Evaluate(model.ToBytes(), Dataset, spec ?? Spec());

    private static void AssertInvalid(EvaluationResult result, ModelRejectionReason reason, string fragment)
    {
        Assert.Equal(EvaluationStatus.InvalidModel, result.Status);
        Assert.Equal(reason, result.RejectionReason);
        Assert.Contains(fragment, result.RejectionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_model_is_evaluated()
    {
        var result = Evaluate(OnnxBuilder.TinyMlp());
        Assert.Equal(EvaluationStatus.Accepted, result.Status);
        Assert.Equal(4, result.SampleCount);
        Assert.Equal(4, result.Correct);
        Assert.Equal(Evaluator.Version, result.EvaluatorVersion);
        Assert.Equal(Hash256.Compute(Dataset), result.DatasetHash);
    }

    [Fact]
    public void A_model_below_the_threshold_is_rejected_with_its_metric()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Initializer[0] = OnnxBuilder.FloatTensor("W", [2, 2], -1f, 1f, 1f, -1f);
        var result = Evaluate(model);
        Assert.Equal(EvaluationStatus.Rejected, result.Status);
        Assert.Equal(0, result.Correct);
        Assert.Equal(0, result.MetricValue);
    }

    [Fact]
    public void Malformed_bytes_are_an_invalid_model()
    {
        var result = new Evaluator().Evaluate([0x0A, 0xFF, 0x01], Dataset, Spec());
        AssertInvalid(result, ModelRejectionReason.Malformed, "malformed ONNX protobuf");
        Assert.Equal(Hash256.Compute([0x0A, 0xFF, 0x01]), result.ModelHash);
    }

    [Fact]
    public void An_unsupported_operator_is_named_with_its_domain_and_opset()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Node[2].OpType = "LSTM";
        AssertInvalid(Evaluate(model), ModelRejectionReason.UnsupportedOperator, "unsupported operator LSTM (domain ai.onnx, opset 13)");
    }

    [Fact]
    public void A_custom_domain_operator_is_named_with_its_domain()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Model.OpsetImport.Add(new OperatorSetIdProto { Domain = "com.microsoft", Version = 1 });
        model.Graph.Node[2].OpType = "FusedGemm";
        model.Graph.Node[2].Domain = "com.microsoft";
        AssertInvalid(Evaluate(model), ModelRejectionReason.UnsupportedOperator, "unsupported operator FusedGemm (domain com.microsoft, opset 1)");
    }

    [Fact]
    public void An_unsupported_operator_outside_the_scored_sub_graph_does_not_matter()
    {
        var model = OnnxBuilder.TinyMlp()
            .Node("LSTM", ["x"], ["unused"])
            .Output("unused");
        Assert.Equal(EvaluationStatus.Accepted, Evaluate(model).Status);
    }

    [Fact]
    public void An_unknown_attribute_is_rejected()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Node[2].Attribute.Add(OnnxBuilder.Float("alpha", 0.5f));
        AssertInvalid(Evaluate(model), ModelRejectionReason.InvalidAttribute, "unsupported attribute 'alpha' on Relu");
    }

    [Fact]
    public void A_shape_mismatch_is_rejected_before_running()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Initializer[0] = OnnxBuilder.FloatTensor("W", [3, 2], 1f, 1f, 1f, 1f, 1f, 1f);
        AssertInvalid(Evaluate(model), ModelRejectionReason.ShapeMismatch, "inner dimensions differ");
    }

    [Fact]
    public void The_work_budget_is_checked_from_the_graph_before_running()
    {
        var result = Evaluate(OnnxBuilder.TinyMlp(), limits: EvaluationLimits.Default with { MaxWorkUnits = 20 });
        AssertInvalid(result, ModelRejectionReason.WorkBudgetExceeded, "work units");
    }

    [Fact]
    public void A_scored_output_the_model_does_not_have_is_a_mismatch()
    {
        AssertInvalid(Evaluate(OnnxBuilder.TinyMlp(), Spec("probabilities")), ModelRejectionReason.BenchmarkMismatch, "'probabilities', which is not a graph output");
    }

    [Fact]
    public void An_input_shape_that_does_not_fit_the_samples_is_a_mismatch()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Input[0] = OnnxBuilder.TensorInfo("x", 1, [null, 3]);
        AssertInvalid(Evaluate(model), ModelRejectionReason.BenchmarkMismatch, "benchmark samples are [2]");
    }

    [Fact]
    public void A_fixed_batch_larger_than_one_is_a_mismatch()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Input[0] = OnnxBuilder.TensorInfo("x", 1, [4, 2]);
        AssertInvalid(Evaluate(model), ModelRejectionReason.BenchmarkMismatch, "fixes the batch dimension at 4");
    }

    [Fact]
    public void A_fixed_batch_of_one_runs_sample_by_sample()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Input[0] = OnnxBuilder.TensorInfo("x", 1, [1, 2]);
        Assert.Equal(4, Evaluate(model).Correct);
    }

    [Fact]
    public void A_tree_with_a_cycle_is_rejected()
    {
        var model = new OnnxBuilder(13, 1).Input("x", 2)
            .Node("TreeEnsembleClassifier", ["x"], ["label", "scores"], "ai.onnx.ml",
                OnnxBuilder.Ints("classlabels_int64s", 0, 1),
                OnnxBuilder.Ints("nodes_treeids", 0, 0, 0),
                OnnxBuilder.Ints("nodes_nodeids", 0, 1, 2),
                OnnxBuilder.Ints("nodes_featureids", 0, 1, 0),
                OnnxBuilder.Strings("nodes_modes", "BRANCH_LEQ", "BRANCH_LEQ", "LEAF"),
                OnnxBuilder.Floats("nodes_values", 0.5f, 0.5f, 0f),
                OnnxBuilder.Ints("nodes_truenodeids", 1, 0, 0),
                OnnxBuilder.Ints("nodes_falsenodeids", 2, 2, 0),
                OnnxBuilder.Ints("class_treeids", 0),
                OnnxBuilder.Ints("class_nodeids", 2),
                OnnxBuilder.Ints("class_ids", 1),
                OnnxBuilder.Floats("class_weights", 1f))
            .Output("scores");
        AssertInvalid(Evaluate(model), ModelRejectionReason.InvalidAttribute, "reached twice");
    }

    [Fact]
    public void A_sequence_output_that_is_not_a_ZipMap_is_rejected()
    {
        var model = OnnxBuilder.TinyMlp();
        model.Graph.Output[0].Type = new TypeProto { SequenceType = Google.Protobuf.ByteString.CopyFrom(0x0A, 0x00) };
        AssertInvalid(Evaluate(model), ModelRejectionReason.UnsupportedElementType, "only ZipMap outputs");
    }

    [Fact]
    public void A_dataset_that_does_not_match_the_commitment_throws()
    {
        var spec = Spec() with { DatasetHash = Hash256.Compute([1, 2, 3]) };
        Assert.Throws<BenchmarkDatasetException>(() => new Evaluator().Evaluate(OnnxBuilder.TinyMlp().ToBytes(), Dataset, spec));
    }

    [Fact]
    public void An_inconsistent_specification_throws()
    {
        var spec = Spec() with { Metric = BenchmarkMetric.MeanSquaredError };
        Assert.Throws<ArgumentException>(() => new Evaluator().Evaluate(OnnxBuilder.TinyMlp().ToBytes(), Dataset, spec));
    }

    [Fact]
    public void Regression_labels_for_a_classification_benchmark_throw()
    {
        var regression = BenchmarkDataset.ForRegression([2], [1f, 0f], [0.5f]).Encode();
        Assert.Throws<BenchmarkDatasetException>(() => new Evaluator().Evaluate(OnnxBuilder.TinyMlp().ToBytes(), regression, Spec()));
    }
}
