using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>
/// ReduceSum and ReduceMean: axes as an attribute before opset 13 (ReduceSum) or 18 (ReduceMean), as an input
/// afterwards with noop_with_empty_axes. Sums in double in row-major order of the input, rounded once.
/// </summary>
internal sealed class ReduceKernel : Kernel
{
    private readonly bool _mean;
    private readonly bool _axesAsInput;
    private readonly long[]? _attributeAxes;
    private readonly bool _keepDims;
    private readonly bool _noopWithEmptyAxes;

    public ReduceKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _mean = node.OpType == "ReduceMean";
        _axesAsInput = node.OpsetVersion >= (_mean ? 18 : 13);
        _keepDims = attributes.Int("keepdims", 1) != 0;
        if (_axesAsInput)
        {
            _noopWithEmptyAxes = attributes.Int("noop_with_empty_axes", 0) != 0;
            LimitInputs(2);
        }
        else
        {
            _attributeAxes = attributes.Ints("axes");
            LimitInputs(1);
        }

        attributes.RejectUnread();
        LimitOutputs(1);
    }

    public override IReadOnlyList<int> ShapeInputs => [1];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!ElementTypes.IsFloating(x.Type) && !(!_mean && ElementTypes.IsNumeric(x.Type)))
        {
            throw Mismatch($"element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        var axes = _attributeAxes;
        if (_axesAsInput && Optional(inputs, 1) is { } axesInput)
        {
            RequireValues(axesInput, "axes");
            RequireType(axesInput, "axes", ElementType.Int64);
            axes = axesInput.LongData;
        }

        meter.Add(x.ElementCount, Node);
        if ((axes is null || axes.Length == 0) && _noopWithEmptyAxes)
        {
            return [x];
        }

        var reduced = new bool[x.Rank];
        if (axes is null || axes.Length == 0)
        {
            Array.Fill(reduced, true);
        }
        else
        {
            foreach (var a in axes)
            {
                reduced[NormalizeAxis(a, x.Rank)] = true;
            }
        }

        var kept = x.Shape.Select((d, i) => reduced[i] ? 1 : d).ToArray();
        var shape = _keepDims ? kept : x.Shape.Where((_, i) => !reduced[i]).ToArray();
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        var count = (int)Shapes.ElementCount(kept);
        var group = count == 0 ? 0 : x.ElementCount / count;
        var keptStrides = Shapes.Strides(kept);
        var strides = x.Shape.Select((_, i) => reduced[i] ? 0 : keptStrides[i]).ToArray();
        var target = new int[x.Length];
        for (var i = 0; i < target.Length; i++)
        {
            target[i] = OffsetOf(i, x.Shape, strides);
        }

        if (ElementTypes.IsFloating(x.Type))
        {
            var values = Numeric.ReadDoubles(x);
            var sums = new double[count];
            for (var i = 0; i < values.Length; i++)
            {
                sums[target[i]] += values[i];
            }

            if (_mean)
            {
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] /= group;
                }
            }

            return [Numeric.Write(x.Type, shape, sums)];
        }

        var longs = x.LongData;
        var total = new long[count];
        for (var i = 0; i < longs.Length; i++)
        {
            total[target[i]] = ElementTypes.Wrap(x.Type, unchecked(total[target[i]] + longs[i]));
        }

        return [Tensor.FromLongs(x.Type, shape, total)];
    }

    private static int OffsetOf(int flat, int[] shape, int[] strides)
    {
        var offset = 0;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            var i = flat % shape[d];
            flat /= shape[d];
            offset += i * strides[d];
        }

        return offset;
    }
}
