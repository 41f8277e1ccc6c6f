using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>A parsed and structurally validated ONNX model, ready for planning.</summary>
/// <remarks>
/// Invariants established by <see cref="OnnxModelLoader"/>: nodes are in topological order; every name is
/// produced once (by an input, an initializer or a node output); every node input names something produced
/// earlier; all tensors decode to their declared type and shape within the size caps; no external data,
/// sparse tensor, function or sub-graph is present. Operator support is checked when a plan is built, for the
/// nodes the scored output needs.
/// </remarks>
internal sealed class OnnxModel
{
    public required long IrVersion { get; init; }

    public required string ProducerName { get; init; }

    /// <summary>Opset version per normalised domain.</summary>
    public required IReadOnlyDictionary<string, long> Opsets { get; init; }

    public required IReadOnlyList<OnnxNode> Nodes { get; init; }

    /// <summary>Constant tensors, including graph inputs that have an initializer (the initializer is used).</summary>
    public required IReadOnlyDictionary<string, Tensor> Initializers { get; init; }

    /// <summary>Graph inputs that are fed at run time (those without an initializer).</summary>
    public required IReadOnlyList<OnnxValueInfo> Inputs { get; init; }

    public required IReadOnlyList<OnnxValueInfo> Outputs { get; init; }

    /// <summary>The node that produces each node output name.</summary>
    public required IReadOnlyDictionary<string, OnnxNode> Producers { get; init; }
}
