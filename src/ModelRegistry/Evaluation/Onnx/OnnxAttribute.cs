using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Onnx;

/// <summary>A decoded node attribute: one of the scalar or list kinds; sub-graph kinds never get this far.</summary>
internal sealed class OnnxAttribute
{
    public required string Name { get; init; }

    public required AttributeProto.Types.AttributeType Kind { get; init; }

    public float Float { get; init; }

    public long Int { get; init; }

    public string String { get; init; } = string.Empty;

    public Tensor? Tensor { get; init; }

    public float[] Floats { get; init; } = [];

    public long[] Ints { get; init; } = [];

    public string[] Strings { get; init; } = [];

    public Tensor[] Tensors { get; init; } = [];
}
