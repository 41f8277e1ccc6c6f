using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Shape: the input's dimensions as int64, sliced by start and end from opset 15. Always constant after planning.</summary>
internal sealed class ShapeKernel : Kernel
{
    private readonly long _start;
    private readonly long? _end;

    public ShapeKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        if (node.OpsetVersion >= 15)
        {
            _start = attributes.Int("start", 0);
            _end = attributes.Has("end") ? attributes.Int("end", 0) : null;
        }

        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var rank = x.Rank;
        var start = (int)Math.Clamp(_start < 0 ? _start + rank : _start, 0, rank);
        var end = (int)Math.Clamp(_end is { } e ? (e < 0 ? e + rank : e) : rank, 0, rank);
        var dims = x.Shape[start..Math.Max(start, end)].Select(d => (long)d).ToArray();
        meter.Add(1, Node);
        return [Tensor.Vector(dims)];
    }
}
