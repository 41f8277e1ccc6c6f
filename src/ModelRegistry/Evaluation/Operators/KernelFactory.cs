using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Operators.Ml;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>The operator allowlist: (domain, op_type) to the kernel that implements it for the model's opset.</summary>
/// <remarks>
/// Every operator is accepted over the whole opset range the loader accepts (ai.onnx 9-21, ai.onnx.ml 1-3);
/// where the operator's definition changed inside that range, the kernel dispatches on
/// <see cref="OnnxNode.OpsetVersion"/> (Softmax 13, Squeeze/Unsqueeze 13, ReduceSum 13, ReduceMean 18, Clip 11,
/// Reshape 14, Shape 15, ArgMax 12, Pad 11 and 18, Gemm 11, BatchNormalization 14, Dropout 12, LabelEncoder 2,
/// TreeEnsemble* 3). Anything else is rejected naming the operator, its domain and the model's opset.
/// </remarks>
internal static class KernelFactory
{
    private static readonly Dictionary<string, Func<OnnxNode, NodeAttributes, EvaluationLimits, Kernel>> Onnx = new(StringComparer.Ordinal)
    {
        ["Add"] = (n, a, _) => new BinaryKernel(n, a),
        ["Sub"] = (n, a, _) => new BinaryKernel(n, a),
        ["Mul"] = (n, a, _) => new BinaryKernel(n, a),
        ["Div"] = (n, a, _) => new BinaryKernel(n, a),
        ["Max"] = (n, a, _) => new VariadicKernel(n, a),
        ["Min"] = (n, a, _) => new VariadicKernel(n, a),
        ["Sum"] = (n, a, _) => new VariadicKernel(n, a),
        ["Mean"] = (n, a, _) => new VariadicKernel(n, a),
        ["Abs"] = (n, a, _) => new UnaryKernel(n, a),
        ["Neg"] = (n, a, _) => new UnaryKernel(n, a),
        ["Exp"] = (n, a, _) => new UnaryKernel(n, a),
        ["Log"] = (n, a, _) => new UnaryKernel(n, a),
        ["Sqrt"] = (n, a, _) => new UnaryKernel(n, a),
        ["Reciprocal"] = (n, a, _) => new UnaryKernel(n, a),
        ["Floor"] = (n, a, _) => new UnaryKernel(n, a),
        ["Ceil"] = (n, a, _) => new UnaryKernel(n, a),
        ["Relu"] = (n, a, _) => new UnaryKernel(n, a),
        ["LeakyRelu"] = (n, a, _) => new UnaryKernel(n, a),
        ["Sigmoid"] = (n, a, _) => new UnaryKernel(n, a),
        ["Tanh"] = (n, a, _) => new UnaryKernel(n, a),
        ["Identity"] = (n, a, _) => new IdentityKernel(n, a),
        ["Dropout"] = (n, a, _) => new IdentityKernel(n, a),
        ["Cast"] = (n, a, _) => new CastKernel(n, a),
        ["Clip"] = (n, a, _) => new ClipKernel(n, a),
        ["Softmax"] = (n, a, _) => new SoftmaxKernel(n, a),
        ["ArgMax"] = (n, a, _) => new ArgMaxKernel(n, a),
        ["MatMul"] = (n, a, _) => new MatMulKernel(n, a),
        ["Gemm"] = (n, a, _) => new GemmKernel(n, a),
        ["Conv"] = (n, a, _) => new ConvKernel(n, a),
        ["MaxPool"] = (n, a, _) => new PoolKernel(n, a),
        ["AveragePool"] = (n, a, _) => new PoolKernel(n, a),
        ["GlobalAveragePool"] = (n, a, _) => new PoolKernel(n, a),
        ["BatchNormalization"] = (n, a, _) => new BatchNormalizationKernel(n, a),
        ["Flatten"] = (n, a, _) => new FlattenKernel(n, a),
        ["Reshape"] = (n, a, _) => new ReshapeKernel(n, a),
        ["Transpose"] = (n, a, _) => new TransposeKernel(n, a),
        ["Shape"] = (n, a, _) => new ShapeKernel(n, a),
        ["Gather"] = (n, a, _) => new GatherKernel(n, a),
        ["Squeeze"] = (n, a, _) => new SqueezeKernel(n, a),
        ["Unsqueeze"] = (n, a, _) => new SqueezeKernel(n, a),
        ["Concat"] = (n, a, _) => new ConcatKernel(n, a),
        ["Constant"] = (n, a, _) => new ConstantKernel(n, a),
        ["Pad"] = (n, a, _) => new PadKernel(n, a),
        ["ReduceSum"] = (n, a, _) => new ReduceKernel(n, a),
        ["ReduceMean"] = (n, a, _) => new ReduceKernel(n, a),
    };

    private static readonly Dictionary<string, Func<OnnxNode, NodeAttributes, EvaluationLimits, Kernel>> OnnxMl = new(StringComparer.Ordinal)
    {
        ["TreeEnsembleClassifier"] = (n, a, l) => new TreeEnsembleClassifierKernel(n, a, l),
        ["TreeEnsembleRegressor"] = (n, a, l) => new TreeEnsembleRegressorKernel(n, a, l),
        ["LinearClassifier"] = (n, a, _) => new LinearClassifierKernel(n, a),
        ["LinearRegressor"] = (n, a, _) => new LinearRegressorKernel(n, a),
        ["Scaler"] = (n, a, _) => new ScalerKernel(n, a),
        ["Normalizer"] = (n, a, _) => new NormalizerKernel(n, a),
        ["Imputer"] = (n, a, _) => new ImputerKernel(n, a),
        ["Binarizer"] = (n, a, _) => new BinarizerKernel(n, a),
        ["LabelEncoder"] = (n, a, _) => new LabelEncoderKernel(n, a),
        ["FeatureVectorizer"] = (n, a, _) => new FeatureVectorizerKernel(n, a),
        ["ArrayFeatureExtractor"] = (n, a, _) => new ArrayFeatureExtractorKernel(n, a),
    };

    /// <summary>Every supported (domain, operator) pair, for documentation and tests.</summary>
    public static IEnumerable<(string Domain, string OpType)> Supported =>
        Onnx.Keys.Select(k => (OnnxDomains.Onnx, k)).Concat(OnnxMl.Keys.Select(k => (OnnxDomains.OnnxMl, k)))
            .Append((OnnxDomains.OnnxMl, "ZipMap"));

    public static Kernel Create(OnnxNode node, EvaluationLimits limits)
    {
        var table = node.Domain switch
        {
            OnnxDomains.Onnx => Onnx,
            OnnxDomains.OnnxMl => OnnxMl,
            _ => null,
        };
        if (node.Domain == OnnxDomains.OnnxMl && node.OpType == "ZipMap")
        {
            throw new OnnxModelException(ModelRejectionReason.BenchmarkMismatch,
                $"{node.Describe()} produces a sequence of maps, which cannot be computed on; score the ZipMap output itself (its input tensor is scored) or the probability tensor before it");
        }

        if (table is null || !table.TryGetValue(node.OpType, out var create))
        {
            throw new OnnxModelException(ModelRejectionReason.UnsupportedOperator,
                $"unsupported operator {node.OpType} (domain {node.Domain}, opset {node.OpsetVersion})");
        }

        var attributes = new NodeAttributes(node);
        return create(node, attributes, limits);
    }
}
