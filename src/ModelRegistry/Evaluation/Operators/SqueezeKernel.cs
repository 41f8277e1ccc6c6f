using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Squeeze and Unsqueeze: axes as an attribute before opset 13, as an int64 input from opset 13. Views.</summary>
internal sealed class SqueezeKernel : Kernel
{
    private readonly bool _unsqueeze;
    private readonly long[]? _attributeAxes;

    public SqueezeKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _unsqueeze = node.OpType == "Unsqueeze";
        if (node.OpsetVersion < 13)
        {
            _attributeAxes = attributes.Ints("axes");
            if (_unsqueeze && _attributeAxes is null)
            {
                throw attributes.Invalid("axes", "required but missing");
            }

            LimitInputs(1);
        }
        else
        {
            LimitInputs(2);
        }

        attributes.RejectUnread();
        LimitOutputs(1);
    }

    public override IReadOnlyList<int> ShapeInputs => [1];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        long[]? axes = _attributeAxes;
        if (Node.OpsetVersion >= 13)
        {
            var input = _unsqueeze ? Required(inputs, 1) : Optional(inputs, 1);
            if (input is not null)
            {
                RequireValues(input, "axes");
                RequireType(input, "axes", ElementType.Int64);
                axes = input.LongData;
            }
        }

        var shape = _unsqueeze ? Unsqueeze(x.Shape, axes!) : Squeeze(x.Shape, axes);
        meter.Add(1, Node);
        return [x.HasData ? x.WithShape(shape) : Tensor.ShapeOnly(x.Type, shape)];
    }

    private int[] Unsqueeze(int[] shape, long[] axes)
    {
        var rank = shape.Length + axes.Length;
        var inserted = new bool[rank];
        foreach (var a in axes)
        {
            var axis = NormalizeAxis(a, rank);
            if (inserted[axis])
            {
                throw Invalid("axes repeat an axis");
            }

            inserted[axis] = true;
        }

        var result = new int[rank];
        var next = 0;
        for (var i = 0; i < rank; i++)
        {
            result[i] = inserted[i] ? 1 : shape[next++];
        }

        return result;
    }

    private int[] Squeeze(int[] shape, long[]? axes)
    {
        if (axes is null)
        {
            return shape.Where(d => d != 1).ToArray();
        }

        var removed = new bool[shape.Length];
        foreach (var a in axes)
        {
            var axis = NormalizeAxis(a, shape.Length);
            if (shape[axis] != 1)
            {
                throw Mismatch($"cannot squeeze axis {axis} of shape {Shapes.Format(shape)}: its size is not 1");
            }

            removed[axis] = true;
        }

        return shape.Where((_, i) => !removed[i]).ToArray();
    }
}
