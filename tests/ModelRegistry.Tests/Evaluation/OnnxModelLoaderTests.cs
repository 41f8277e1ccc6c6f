using DaiChain.ModelRegistry.Evaluation;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using Google.Protobuf;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

public class OnnxModelLoaderTests
{
    private static OnnxModelException Rejects(byte[] bytes, EvaluationLimits? limits = null) =>
        Assert.Throws<OnnxModelException>(() => OnnxModelLoader.Load(bytes, limits ?? EvaluationLimits.Default));

    private static OnnxModelException Rejects(OnnxBuilder builder) => Rejects(builder.ToBytes());

    [Fact]
    public void Loads_a_valid_model()
    {
        var model = OnnxModelLoader.Load(OnnxBuilder.TinyMlp().ToBytes(), EvaluationLimits.Default);
        Assert.Equal(3, model.Nodes.Count);
        Assert.Equal(["x"], model.Inputs.Select(i => i.Name));
        Assert.Equal(13, model.Opsets["ai.onnx"]);
    }

    [Theory]
    [InlineData(new byte[] { 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 0x3A, 0x10, 0x0A })]
    [InlineData(new byte[] { 0x08 })]
    public void Rejects_malformed_protobuf(byte[] bytes)
    {
        var e = Rejects(bytes);
        Assert.Equal(ModelRejectionReason.Malformed, e.Reason);
        Assert.Contains("malformed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_truncated_model()
    {
        var bytes = OnnxBuilder.TinyMlp().ToBytes();
        Assert.Equal(ModelRejectionReason.Malformed, Rejects(bytes[..(bytes.Length - 7)]).Reason);
    }

    [Fact]
    public void Rejects_an_empty_file()
    {
        Assert.Contains("IR version 0", Rejects([]).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_model_over_the_size_limit_before_parsing()
    {
        var e = Rejects(OnnxBuilder.TinyMlp().ToBytes(), EvaluationLimits.Default with { MaxModelBytes = 64 });
        Assert.Equal(ModelRejectionReason.TooLarge, e.Reason);
    }

    [Fact]
    public void Parses_with_a_recursion_limit()
    {
        var e = Rejects(OnnxBuilder.TinyMlp().ToBytes(), EvaluationLimits.Default with { MaxProtobufDepth = 2 });
        Assert.Equal(ModelRejectionReason.Malformed, e.Reason);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(11)]
    public void Rejects_unsupported_IR_versions(long ir)
    {
        var b = OnnxBuilder.TinyMlp();
        b.Model.IrVersion = ir;
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.UnsupportedVersion, e.Reason);
        Assert.Contains("IR version", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", 8)]
    [InlineData("", 22)]
    [InlineData("ai.onnx.ml", 4)]
    public void Rejects_unsupported_opsets(string domain, long version)
    {
        var b = OnnxBuilder.TinyMlp();
        b.Model.OpsetImport.Clear();
        b.Model.OpsetImport.Add(new OperatorSetIdProto { Domain = domain, Version = version });
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.UnsupportedVersion, e.Reason);
        Assert.Contains($"opset {version}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_cycle_as_a_graph_out_of_topological_order()
    {
        var b = new OnnxBuilder().Input("x", 2)
            .Node("Add", ["x", "b"], ["a"])
            .Node("Relu", ["a"], ["b"])
            .Output("b");
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.InvalidGraph, e.Reason);
        Assert.Contains("topological order", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_name_produced_twice()
    {
        var b = new OnnxBuilder().Input("x", 2)
            .Node("Relu", ["x"], ["y"])
            .Node("Neg", ["x"], ["y"])
            .Output("y");
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.InvalidGraph, e.Reason);
        Assert.Contains("'y' is produced more than once", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_external_data()
    {
        var t = OnnxBuilder.FloatTensor("W", [2, 2]);
        t.DataLocation = TensorProto.Types.DataLocation.External;
        t.ExternalData.Add(new StringStringEntryProto { Key = "location", Value = "/etc/passwd" });
        var b = OnnxBuilder.TinyMlp();
        b.Graph.Initializer[0] = t;
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.ForbiddenConstruct, e.Reason);
        Assert.Contains("external data", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_sparse_initializers_functions_and_training_info()
    {
        var sparse = OnnxBuilder.TinyMlp();
        sparse.Graph.SparseInitializer.Add(ByteString.CopyFrom(1, 2, 3));
        Assert.Contains("sparse", Rejects(sparse).Message, StringComparison.Ordinal);

        var functions = OnnxBuilder.TinyMlp();
        functions.Model.Functions.Add(ByteString.CopyFrom(1));
        Assert.Contains("functions", Rejects(functions).Message, StringComparison.Ordinal);

        var training = OnnxBuilder.TinyMlp();
        training.Model.TrainingInfo.Add(ByteString.CopyFrom(1));
        Assert.Equal(ModelRejectionReason.ForbiddenConstruct, Rejects(training).Reason);
    }

    [Fact]
    public void Rejects_sub_graph_attributes()
    {
        var b = OnnxBuilder.TinyMlp();
        b.Graph.Node[2].Attribute.Add(new AttributeProto { Name = "then_branch", Type = AttributeProto.Types.AttributeType.Graph, G = ByteString.CopyFrom(0x12, 0x00) });
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.ForbiddenConstruct, e.Reason);
        Assert.Contains("sub-graph", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_raw_data_whose_length_does_not_match_the_dims()
    {
        var t = new TensorProto { Name = "W", DataType = 1, RawData = ByteString.CopyFrom(new byte[12]) };
        t.Dims.AddRange([2, 2]);
        var b = OnnxBuilder.TinyMlp();
        b.Graph.Initializer[0] = t;
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.InvalidTensor, e.Reason);
        Assert.Contains("raw_data has 12 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_unsupported_element_types()
    {
        var t = new TensorProto { Name = "W", DataType = 10, RawData = ByteString.CopyFrom(new byte[8]) };
        t.Dims.AddRange([2, 2]);
        var b = OnnxBuilder.TinyMlp();
        b.Graph.Initializer[0] = t;
        var e = Rejects(b);
        Assert.Equal(ModelRejectionReason.UnsupportedElementType, e.Reason);
        Assert.Contains("float16", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_tensor_over_the_element_cap()
    {
        var t = OnnxBuilder.FloatTensor("W", [1 << 20, 1 << 20]);
        var b = OnnxBuilder.TinyMlp();
        b.Graph.Initializer[0] = t;
        Assert.Equal(ModelRejectionReason.TooLarge, Rejects(b).Reason);
    }

    [Fact]
    public void Rejects_a_node_count_over_the_limit()
    {
        var e = Rejects(OnnxBuilder.TinyMlp().ToBytes(), EvaluationLimits.Default with { MaxNodes = 2 });
        Assert.Equal(ModelRejectionReason.TooLarge, e.Reason);
    }
}
