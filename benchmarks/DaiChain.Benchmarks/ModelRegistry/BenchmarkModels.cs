using DaiChain.ModelRegistry.Evaluation.Onnx;
using Google.Protobuf;

namespace DaiChain.Benchmarks.ModelRegistry;

/// <summary>
/// The benchmark models, built in memory with seeded random weights: what skl2onnx writes for a logistic
/// regression and a random forest, an MLP as MatMul/Add/Relu/Softmax and a small CNN as torch.onnx writes it.
/// The MLP's shape matches <c>benchmarks/native/mlp_numpy.py</c>.
/// </summary>
internal static class BenchmarkModels
{
    public const int TabularFeatures = 30;
    public static readonly int[] MlpLayers = [784, 256, 128, 10];

    public static byte[] LogisticRegression(Random random)
    {
        var g = new GraphProto { Name = "logistic_regression" };
        var w = Values(random, TabularFeatures, 0.5f);
        g.Node.Add(Node("Scaler", ["input"], ["scaled"], "ai.onnx.ml", Floats("offset", Values(random, TabularFeatures, 1f)), Floats("scale", Values(random, TabularFeatures, 1f))));
        g.Node.Add(Node("LinearClassifier", ["scaled"], ["label", "probabilities"], "ai.onnx.ml",
            Floats("coefficients", [.. w.Select(v => -v), .. w]), Floats("intercepts", -0.1f, 0.1f), Ints("classlabels_ints", 0, 1),
            Text("post_transform", "LOGISTIC")));
        g.Input.Add(Info("input", null, TabularFeatures));
        g.Output.Add(Info("probabilities", null, 2));
        return Model(g, ml: true);
    }

    /// <summary>100 complete binary trees of depth 8 (255 splits, 256 leaves each) over 30 features, binary skl2onnx layout.</summary>
    public static byte[] RandomForest(Random random, int trees = 100, int depth = 8)
    {
        var a = new Dictionary<string, List<long>>();
        var thresholds = new List<float>();
        var modes = new List<string>();
        var weights = new List<float>();
        foreach (var key in new[] { "nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_truenodeids", "nodes_falsenodeids", "class_treeids", "class_nodeids", "class_ids" })
        {
            a[key] = [];
        }

        var nodes = (1 << (depth + 1)) - 1;
        for (var t = 0; t < trees; t++)
        {
            for (var n = 0; n < nodes; n++)
            {
                var leaf = n >= (1 << depth) - 1;
                a["nodes_treeids"].Add(t);
                a["nodes_nodeids"].Add(n);
                a["nodes_featureids"].Add(leaf ? 0 : random.Next(TabularFeatures));
                a["nodes_truenodeids"].Add(leaf ? 0 : (2 * n) + 1);
                a["nodes_falsenodeids"].Add(leaf ? 0 : (2 * n) + 2);
                modes.Add(leaf ? "LEAF" : "BRANCH_LEQ");
                thresholds.Add(leaf ? 0f : (float)((random.NextDouble() * 2) - 1));
                if (leaf)
                {
                    a["class_treeids"].Add(t);
                    a["class_nodeids"].Add(n);
                    a["class_ids"].Add(0);
                    weights.Add((float)random.NextDouble() / trees);
                }
            }
        }

        var node = Node("TreeEnsembleClassifier", ["input"], ["label", "probabilities"], "ai.onnx.ml",
            Ints("classlabels_int64s", 0, 1), Strings("nodes_modes", [.. modes]), Floats("nodes_values", [.. thresholds]), Floats("class_weights", [.. weights]));
        node.Attribute.AddRange(a.Select(kv => Ints(kv.Key, [.. kv.Value])));
        var g = new GraphProto { Name = "random_forest" };
        g.Node.Add(node);
        g.Input.Add(Info("input", null, TabularFeatures));
        g.Output.Add(Info("probabilities", null, 2));
        return Model(g, ml: true);
    }

    public static byte[] Mlp(Random random)
    {
        var g = new GraphProto { Name = "mlp" };
        var last = "input";
        for (var k = 0; k < MlpLayers.Length - 1; k++)
        {
            var (rows, cols) = (MlpLayers[k], MlpLayers[k + 1]);
            g.Initializer.Add(Tensor($"W{k}", [rows, cols], Values(random, rows * cols, 1f / MathF.Sqrt(rows))));
            g.Initializer.Add(Tensor($"B{k}", [cols], Values(random, cols, 0.1f)));
            g.Node.Add(Node("MatMul", [last, $"W{k}"], [$"mm{k}"]));
            g.Node.Add(Node("Add", [$"mm{k}", $"B{k}"], [$"z{k}"]));
            last = $"z{k}";
            if (k < MlpLayers.Length - 2)
            {
                g.Node.Add(Node("Relu", [last], [$"a{k}"]));
                last = $"a{k}";
            }
        }

        g.Node.Add(Node("Softmax", [last], ["probabilities"], attributes: Int("axis", 1)));
        g.Input.Add(Info("input", null, MlpLayers[0]));
        g.Output.Add(Info("probabilities", null, MlpLayers[^1]));
        return Model(g, ml: false);
    }

    /// <summary>Conv(1→8, 3×3, pad 1) + Relu + MaxPool 2 + Conv(8→16) + Relu + MaxPool 2 + Flatten + Gemm(784→10) on 1×28×28.</summary>
    public static byte[] Cnn(Random random)
    {
        var g = new GraphProto { Name = "cnn" };
        g.Initializer.Add(Tensor("c1w", [8, 1, 3, 3], Values(random, 72, 0.3f)));
        g.Initializer.Add(Tensor("c1b", [8], Values(random, 8, 0.1f)));
        g.Initializer.Add(Tensor("c2w", [16, 8, 3, 3], Values(random, 1152, 0.1f)));
        g.Initializer.Add(Tensor("c2b", [16], Values(random, 16, 0.1f)));
        g.Initializer.Add(Tensor("fw", [10, 784], Values(random, 7840, 0.05f)));
        g.Initializer.Add(Tensor("fb", [10], Values(random, 10, 0.1f)));
        AttributeProto[] conv = [Ints("kernel_shape", 3, 3), Ints("pads", 1, 1, 1, 1)];
        AttributeProto[] pool = [Ints("kernel_shape", 2, 2), Ints("strides", 2, 2)];
        g.Node.Add(Node("Conv", ["images", "c1w", "c1b"], ["c1"], attributes: conv));
        g.Node.Add(Node("Relu", ["c1"], ["r1"]));
        g.Node.Add(Node("MaxPool", ["r1"], ["p1"], attributes: pool));
        g.Node.Add(Node("Conv", ["p1", "c2w", "c2b"], ["c2"], attributes: conv));
        g.Node.Add(Node("Relu", ["c2"], ["r2"]));
        g.Node.Add(Node("MaxPool", ["r2"], ["p2"], attributes: pool));
        g.Node.Add(Node("Flatten", ["p2"], ["flat"]));
        g.Node.Add(Node("Gemm", ["flat", "fw", "fb"], ["scores"], attributes: Int("transB", 1)));
        g.Input.Add(Info("images", null, 1, 28, 28));
        g.Output.Add(Info("scores", null, 10));
        return Model(g, ml: false);
    }

    public static float[] Values(Random random, int count, float scale)
    {
        var v = new float[count];
        for (var i = 0; i < v.Length; i++)
        {
            v[i] = (float)((random.NextDouble() * 2) - 1) * scale;
        }

        return v;
    }

    private static byte[] Model(GraphProto graph, bool ml)
    {
        var m = new ModelProto { IrVersion = 8, Graph = graph, ProducerName = "DaiChain.Benchmarks" };
        m.OpsetImport.Add(new OperatorSetIdProto { Domain = string.Empty, Version = 17 });
        if (ml)
        {
            m.OpsetImport.Add(new OperatorSetIdProto { Domain = "ai.onnx.ml", Version = 3 });
        }

        return m.ToByteArray();
    }

    private static NodeProto Node(string op, string[] inputs, string[] outputs, string domain = "", params AttributeProto[] attributes)
    {
        var n = new NodeProto { OpType = op, Domain = domain };
        n.Input.AddRange(inputs);
        n.Output.AddRange(outputs);
        n.Attribute.AddRange(attributes);
        return n;
    }

    private static ValueInfoProto Info(string name, long? batch, params long[] dims)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(batch is { } b ? new TensorShapeProto.Types.Dimension { DimValue = b } : new TensorShapeProto.Types.Dimension { DimParam = "N" });
        shape.Dim.AddRange(dims.Select(d => new TensorShapeProto.Types.Dimension { DimValue = d }));
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = 1, Shape = shape } } };
    }

    private static TensorProto Tensor(string name, long[] dims, float[] values)
    {
        var t = new TensorProto { Name = name, DataType = 1 };
        t.Dims.AddRange(dims);
        t.FloatData.AddRange(values);
        return t;
    }

    private static AttributeProto Int(string name, long value) => new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    private static AttributeProto Ints(string name, params long[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Ints };
        a.Ints.AddRange(values);
        return a;
    }

    private static AttributeProto Floats(string name, params float[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Floats };
        a.Floats.AddRange(values);
        return a;
    }

    private static AttributeProto Strings(string name, params string[] values)
    {
        var a = new AttributeProto { Name = name, Type = AttributeProto.Types.AttributeType.Strings };
        a.Strings.AddRange(values.Select(ByteString.CopyFromUtf8));
        return a;
    }

    private static AttributeProto Text(string name, string value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.String, S = ByteString.CopyFromUtf8(value) };
}
