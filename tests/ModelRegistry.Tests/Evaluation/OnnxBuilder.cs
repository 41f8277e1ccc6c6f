using DaiChain.ModelRegistry.Evaluation.Onnx;
using Google.Protobuf;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>Builds small ONNX models in memory for loader and evaluator tests.</summary>
internal sealed class OnnxBuilder
{
    private readonly ModelProto _model = new() { IrVersion = 8, Graph = new GraphProto { Name = "test" } };

    public OnnxBuilder(long opset = 13, long? mlOpset = null)
    {
        _model.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = opset });
        if (mlOpset is { } ml)
        {
            _model.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = ml });
        }
    }

    public ModelProto Model => _model;

    public GraphProto Graph => _model.Graph;

    public static TensorProto FloatTensor(string name, long[] dims, params float[] values)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    public static TensorProto Int64Tensor(string name, long[] dims, params long[] values)
    {
        var t = new TensorProto { Name = name, DataType = 7 };
        t.Dims.AddRange(dims);
        t.Int64Data.AddRange(values);
        return t;
    }

    public static ValueInfoProto TensorInfo(string name, int elemType, long?[] dims)
    {
        var shape = new TensorShapeProto();
        foreach (var d in dims)
        {
            shape.Dim.Add(d is { } v ? new TensorShapeProto.Types.Dimension { DimValue = v } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        }

        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType, Shape = shape } } };
    }

    public static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    public static AttributeProto Float(string name, float value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    public static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    public static AttributeProto Floats(string name, params float[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    public static AttributeProto Strings(string name, params string[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        a.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return a;
    }

    public static AttributeProto String(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };

    public OnnxBuilder Input(string name, long? width = null, int elemType = 1)
    {
        Graph.Input.Add(width is { } w ? TensorInfo(name, elemType, [null, w]) : TensorInfo(name, elemType, [null]));
        return this;
    }

    public OnnxBuilder Output(string name, int elemType = 1)
    {
        Graph.Output.Add(new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = elemType } } });
        return this;
    }

    public OnnxBuilder Initializer(TensorProto tensor)
    {
        Graph.Initializer.Add(tensor);
        return this;
    }

    public OnnxBuilder Node(string op, string[] inputs, string[] outputs, string domain = "", params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = op, Domain = domain, Name = op + Graph.Node.Count };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        n.Attribute.AddRange(attributes);
        Graph.Node.Add(n);
        return this;
    }

    public byte[] ToBytes() => _model.ToByteArray();

    /// <summary>y = Relu(x · W + b) with x [N, 2], a 2 × 2 weight: a minimal valid classifier producing scores.</summary>
    public static OnnxBuilder TinyMlp()
    {
        return new OnnxBuilder()
            .Input("x", 2)
            .Initializer(FloatTensor("W", [2, 2], 1f, -1f, -1f, 1f))
            .Initializer(FloatTensor("b", [2], 0f, 0f))
            .Node("MatMul", ["x", "W"], ["xw"])
            .Node("Add", ["xw", "b"], ["z"])
            .Node("Relu", ["z"], ["scores"])
            .Output("scores");
    }
}
