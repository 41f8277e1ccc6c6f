using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>ArgMax: axis (default 0), keepdims (default 1), select_last_index (opset 12+, default 0).</summary>
/// <remarks>Ties go to the first index unless select_last_index; a NaN counts as the maximum (the first NaN wins), as in numpy.</remarks>
internal sealed class ArgMaxKernel : Kernel
{
    private readonly long _axis;
    private readonly bool _keepDims;
    private readonly bool _selectLast;

    public ArgMaxKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _axis = attributes.Int("axis", 0);
        _keepDims = attributes.Int("keepdims", 1) != 0;
        _selectLast = node.OpsetVersion >= 12 && attributes.Int("select_last_index", 0) != 0;
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!ElementTypes.IsNumeric(x.Type))
        {
            throw Mismatch($"element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        if (x.Rank == 0)
        {
            throw Mismatch("input must have rank 1 or more");
        }

        var axis = NormalizeAxis(_axis, x.Rank);
        var shape = _keepDims
            ? x.Shape.Select((d, i) => i == axis ? 1 : d).ToArray()
            : x.Shape.Where((_, i) => i != axis).ToArray();
        var length = x.Shape[axis];
        if (length == 0)
        {
            throw Mismatch("cannot take ArgMax over an empty axis");
        }

        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(ElementType.Int64, shape)];
        }

        var outer = Shapes.ElementCount(x.Shape, 0, axis);
        var inner = Shapes.ElementCount(x.Shape, axis + 1, x.Rank);
        var result = new long[outer * inner];
        var values = Numeric.ReadDoubles(x);
        for (long o = 0; o < outer; o++)
        {
            for (long k = 0; k < inner; k++)
            {
                var start = (o * length * inner) + k;
                var best = 0;
                var bestValue = values[start];
                for (var j = 1; j < length; j++)
                {
                    var v = values[start + (j * inner)];
                    if (double.IsNaN(bestValue))
                    {
                        break;
                    }

                    if (double.IsNaN(v) || v > bestValue || (_selectLast && v == bestValue))
                    {
                        best = j;
                        bestValue = v;
                    }
                }

                result[(o * inner) + k] = best;
            }
        }

        return [Tensor.FromLongs(ElementType.Int64, shape, result)];
    }
}
