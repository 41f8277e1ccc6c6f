using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Tests.Evaluation;

/// <summary>ONNX's own backend node tests, as Debian's libonnx-testdata installs them.</summary>
internal static class OnnxNodeTestData
{
    public const string Root = "/usr/share/libonnx-testdata/data/node";

    /// <summary>
    /// Operator stems: a test directory is selected when its name is a stem or a stem followed by "_"
    /// (so test_log selects test_log_example but not test_logsoftmax).
    /// </summary>
    private static readonly string[] Stems =
    [
        "test_abs", "test_add", "test_sub", "test_mul", "test_div", "test_neg", "test_exp", "test_log",
        "test_sqrt", "test_reciprocal", "test_floor", "test_ceil", "test_relu", "test_leakyrelu", "test_sigmoid",
        "test_tanh", "test_identity", "test_dropout", "test_cast", "test_clip", "test_softmax", "test_argmax",
        "test_matmul", "test_gemm", "test_basic_conv", "test_conv", "test_maxpool", "test_averagepool",
        "test_globalaveragepool", "test_batchnorm", "test_flatten", "test_reshape", "test_transpose", "test_shape",
        "test_gather", "test_squeeze", "test_unsqueeze", "test_concat", "test_constant", "test_reduce_sum",
        "test_reduce_mean", "test_max", "test_min", "test_sum", "test_mean", "test_constant_pad", "test_edge_pad",
        "test_reflect_pad",
    ];

    /// <summary>Stems of other operators that the stems above would otherwise catch.</summary>
    private static readonly string[] OtherOperators =
    [
        "test_reduce_sum_square", "test_gather_elements",
    ];

    /// <summary>Why a selected test is outside the evaluator's contract (null when it runs); excluded tests must be rejected cleanly.</summary>
    public static string? ExclusionReason(string name) => name switch
    {
        _ when name.EndsWith("_expanded", StringComparison.Ordinal) => "function-expanded variant built on ReduceMax, which is not supported",
        _ when name.Contains("FLOAT16", StringComparison.Ordinal) || name.Contains("float16", StringComparison.Ordinal) => "float16/bfloat16 element type",
        _ when name.Contains("uint64", StringComparison.Ordinal) => "uint64 element type",
        _ when name.Contains("STRING", StringComparison.Ordinal) => "cast from or to strings (text parsing)",
        _ when name.Contains("training_mode", StringComparison.Ordinal) => "BatchNormalization in training mode",
        _ when name.StartsWith("test_maxpool_with_argmax", StringComparison.Ordinal) => "MaxPool's Indices output",
        _ when name.StartsWith("test_globalaveragepool", StringComparison.Ordinal) => "model imports opset 1, outside 9-21",
        "test_identity_opt" => "optional type",
        "test_identity_sequence" => "sequence type",
        _ => null,
    };

    public static IEnumerable<string> Selected() =>
        Directory.EnumerateDirectories(Root)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => Stems.Any(s => n == s || n.StartsWith(s + "_", StringComparison.Ordinal)))
            .Where(n => !OtherOperators.Any(o => n == o || n.StartsWith(o + "_", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> Run() => Selected().Where(n => ExclusionReason(n) is null);

    public static IEnumerable<string> Excluded() => Selected().Where(n => ExclusionReason(n) is not null);

    public static Tensor ReadTensor(string path)
    {
        var proto = TensorProto.Parser.ParseFrom(File.ReadAllBytes(path));
        return OnnxTensorDecoder.Decode(proto, DaiChain.ModelRegistry.Evaluation.EvaluationLimits.Default, path);
    }
}
