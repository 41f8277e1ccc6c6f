using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Runtime;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>Operators whose definition changed inside the accepted opset range, run at both sides of the change.</summary>
public class OpsetDispatchTests
{
    private static Tensor Run(OnnxBuilder builder, string output, params (string Name, Tensor Value)[] inputs)
    {
        var model = OnnxModelLoader.Load(builder.ToBytes(), EvaluationLimits.Default);
        return GraphRunner.Run(model, inputs.ToDictionary(i => i.Name, i => i.Value), EvaluationLimits.Default)[output];
    }

    private static Tensor Floats(int[] shape, params float[] values) => Tensor.FromFloats(shape, values);

    [Fact]
    public void Softmax_before_opset_13_normalises_the_flattened_trailing_dimensions()
    {
        var x = Floats([1, 2, 2], 0f, 0f, 0f, 0f);
        var legacy = Run(new OnnxBuilder(11).Input("x").Node("Softmax", ["x"], ["y"], "", OnnxBuilder.Int("axis", 1)).Output("y"), "y", ("x", x));
        var current = Run(new OnnxBuilder(13).Input("x").Node("Softmax", ["x"], ["y"], "", OnnxBuilder.Int("axis", 1)).Output("y"), "y", ("x", x));
        Assert.All(legacy.FloatData, v => Assert.Equal(0.25f, v));
        Assert.All(current.FloatData, v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void Softmax_default_axis_is_1_before_opset_13_and_minus_1_after()
    {
        var x = Floats([1, 2, 2], 0f, 0f, 0f, 0f);
        var legacy = Run(new OnnxBuilder(12).Input("x").Node("Softmax", ["x"], ["y"]).Output("y"), "y", ("x", x));
        var current = Run(new OnnxBuilder(13).Input("x").Node("Softmax", ["x"], ["y"]).Output("y"), "y", ("x", x));
        Assert.All(legacy.FloatData, v => Assert.Equal(0.25f, v));
        Assert.All(current.FloatData, v => Assert.Equal(0.5f, v));
    }

    [Fact]
    public void Clip_takes_attributes_before_opset_11()
    {
        var y = Run(new OnnxBuilder(10).Input("x").Node("Clip", ["x"], ["y"], "", OnnxBuilder.Float("min", -1f), OnnxBuilder.Float("max", 1f)).Output("y"),
            "y", ("x", Floats([3], -5f, 0.5f, 5f)));
        Assert.Equal([-1f, 0.5f, 1f], y.FloatData);
    }

    [Fact]
    public void Squeeze_and_ReduceSum_take_axes_attributes_before_opset_13()
    {
        var b = new OnnxBuilder(11).Input("x")
            .Node("Squeeze", ["x"], ["s"], "", OnnxBuilder.Ints("axes", 0))
            .Node("ReduceSum", ["s"], ["y"], "", OnnxBuilder.Ints("axes", 1), OnnxBuilder.Int("keepdims", 0))
            .Output("y");
        var y = Run(b, "y", ("x", Floats([1, 2, 3], 1f, 2f, 3f, 4f, 5f, 6f)));
        Assert.Equal([2], y.Shape);
        Assert.Equal([6f, 15f], y.FloatData);
    }

    [Fact]
    public void ReduceMean_takes_axes_as_an_input_from_opset_18()
    {
        var b = new OnnxBuilder(18).Input("x")
            .Initializer(OnnxBuilder.Int64Tensor("axes", [1], 0))
            .Node("ReduceMean", ["x", "axes"], ["y"])
            .Output("y");
        var y = Run(b, "y", ("x", Floats([2, 2], 1f, 2f, 3f, 6f)));
        Assert.Equal([1, 2], y.Shape);
        Assert.Equal([2f, 4f], y.FloatData);
    }

    [Fact]
    public void An_attribute_newer_than_the_model_opset_is_rejected()
    {
        var b = new OnnxBuilder(11).Input("x").Node("ArgMax", ["x"], ["y"], "", OnnxBuilder.Int("select_last_index", 1)).Output("y", 7);
        var e = Assert.Throws<OnnxModelException>(() => Run(b, "y", ("x", Floats([2], 1f, 1f))));
        Assert.Contains("unsupported attribute 'select_last_index' on ArgMax", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Gemm_requires_C_before_opset_11()
    {
        var b = new OnnxBuilder(9).Input("a").Input("b").Node("Gemm", ["a", "b"], ["y"]).Output("y");
        var e = Assert.Throws<OnnxModelException>(() => Run(b, "y", ("a", Floats([1, 1], 2f)), ("b", Floats([1, 1], 3f))));
        Assert.Contains("input C is required before opset 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelEncoder_1_maps_strings_to_their_class_index()
    {
        var b = new OnnxBuilder(13, 1).Input("x", elemType: 8)
            .Node("LabelEncoder", ["x"], ["y"], "ai.onnx.ml", OnnxBuilder.Strings("classes_strings", "a", "b"), OnnxBuilder.Int("default_int64", 9))
            .Output("y", 7);
        var y = Run(b, "y", ("x", Tensor.FromStrings([3], ["b", "a", "z"])));
        Assert.Equal([1L, 0L, 9L], y.LongData);
    }

    [Fact]
    public void TreeEnsembleRegressor_aggregates_with_MAX()
    {
        var b = new OnnxBuilder(13, 1).Input("x", 1)
            .Node("TreeEnsembleRegressor", ["x"], ["y"], "ai.onnx.ml",
                OnnxBuilder.Int("n_targets", 1),
                OnnxBuilder.String("aggregate_function", "MAX"),
                OnnxBuilder.Ints("nodes_treeids", 0, 0, 0, 1),
                OnnxBuilder.Ints("nodes_nodeids", 0, 1, 2, 0),
                OnnxBuilder.Ints("nodes_featureids", 0, 0, 0, 0),
                OnnxBuilder.Strings("nodes_modes", "BRANCH_LT", "LEAF", "LEAF", "LEAF"),
                OnnxBuilder.Floats("nodes_values", 0.5f, 0f, 0f, 0f),
                OnnxBuilder.Ints("nodes_truenodeids", 1, 0, 0, 0),
                OnnxBuilder.Ints("nodes_falsenodeids", 2, 0, 0, 0),
                OnnxBuilder.Ints("target_treeids", 0, 0, 1),
                OnnxBuilder.Ints("target_nodeids", 1, 2, 0),
                OnnxBuilder.Ints("target_ids", 0, 0, 0),
                OnnxBuilder.Floats("target_weights", 1f, 5f, 3f))
            .Output("y");
        var y = Run(b, "y", ("x", Floats([2, 1], 0f, 1f)));
        Assert.Equal([3f, 5f], y.FloatData);
    }
}
