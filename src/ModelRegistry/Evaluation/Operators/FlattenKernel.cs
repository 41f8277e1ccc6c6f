using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Flatten to 2-D at axis (default 1; negative axes from opset 11). A view: no data is copied.</summary>
internal sealed class FlattenKernel : Kernel
{
    private readonly long _axis;

    public FlattenKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _axis = attributes.Int("axis", 1);
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var rank = x.Rank;
        if (_axis > rank || _axis < -rank || (_axis < 0 && Node.OpsetVersion < 11))
        {
            throw Invalid($"axis {_axis} is out of range for rank {rank}");
        }

        var axis = (int)(_axis < 0 ? _axis + rank : _axis);
        int[] shape = [(int)Shapes.ElementCount(x.Shape, 0, axis), (int)Shapes.ElementCount(x.Shape, axis, rank)];
        meter.Add(1, Node);
        return [x.HasData ? x.WithShape(shape) : Tensor.ShapeOnly(x.Type, shape)];
    }
}
