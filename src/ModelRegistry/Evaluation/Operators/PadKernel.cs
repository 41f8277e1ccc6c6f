using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>
/// Pad in constant, edge or reflect mode: pads (and the constant value) as attributes before opset 11, as inputs
/// from opset 11, with an optional axes input from opset 18. Negative pads crop.
/// </summary>
internal sealed class PadKernel : Kernel
{
    private readonly string _mode;
    private readonly long[]? _attributePads;
    private readonly double _attributeValue;

    public PadKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _mode = attributes.String("mode", "constant");
        if (_mode is not ("constant" or "edge" or "reflect"))
        {
            throw attributes.Invalid("mode", $"'{_mode}' is not one of constant, edge, reflect");
        }

        if (node.OpsetVersion < 11)
        {
            _attributePads = attributes.Ints("pads") ?? throw attributes.Invalid("pads", "required but missing");
            _attributeValue = attributes.Float("value", 0f);
            LimitInputs(1);
        }
        else
        {
            LimitInputs(node.OpsetVersion >= 18 ? 4 : 3);
        }

        attributes.RejectUnread();
        LimitOutputs(1);
    }

    public override IReadOnlyList<int> ShapeInputs => [1, 2, 3];

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var rank = x.Rank;
        var (begin, end) = Pads(inputs, rank);
        var value = _attributeValue;
        if (Node.OpsetVersion >= 11 && Optional(inputs, 2) is { } constant)
        {
            RequireValues(constant, "constant_value");
            if (constant.Type != x.Type || constant.ElementCount != 1)
            {
                throw Mismatch("constant_value must be one value of the input's type");
            }

            value = constant.Type == ElementType.String ? 0 : constant.GetDouble(0);
        }

        if (x.Type == ElementType.String)
        {
            throw Mismatch("string tensors cannot be padded");
        }

        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            var size = x.Shape[d] + begin[d] + end[d];
            if (size < 0 || size > meter.MaxTensorElements)
            {
                throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"padding axis {d} gives size {size}"));
            }

            if (_mode != "constant" && (begin[d] != 0 || end[d] != 0) && x.Shape[d] == 0)
            {
                throw Mismatch($"{_mode} padding needs a non-empty axis {d}");
            }

            if (_mode == "reflect" && (begin[d] >= x.Shape[d] || end[d] >= x.Shape[d]))
            {
                throw Mismatch($"reflect padding on axis {d} must be smaller than its size {x.Shape[d]}");
            }

            shape[d] = (int)size;
        }

        meter.CheckShape(shape, Node);
        meter.Add(Shapes.ElementCount(shape), Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        // Source offset per output element, -1 where the constant goes.
        var count = (int)Shapes.ElementCount(shape);
        var sourceStrides = Shapes.Strides(x.Shape);
        var offsets = new int[count];
        var index = new int[rank];
        for (var o = 0; o < count; o++)
        {
            var offset = 0;
            for (var d = 0; d < rank && offset >= 0; d++)
            {
                var i = index[d] - (int)begin[d];
                var n = x.Shape[d];
                if (i < 0 || i >= n)
                {
                    i = _mode switch
                    {
                        "edge" => Math.Clamp(i, 0, n - 1),
                        "reflect" => i < 0 ? -i : (2 * (n - 1)) - i,
                        _ => -1,
                    };
                }

                offset = i < 0 ? -1 : offset + (i * sourceStrides[d]);
            }

            offsets[o] = offset;
            for (var d = rank - 1; d >= 0; d--)
            {
                if (++index[d] < shape[d])
                {
                    break;
                }

                index[d] = 0;
            }
        }

        if (ElementTypes.IsFloating(x.Type))
        {
            var values = Numeric.ReadDoubles(x);
            return [Numeric.Write(x.Type, shape, offsets.Select(o => o < 0 ? value : values[o]).ToArray())];
        }

        var longs = x.LongData;
        var fill = ElementTypes.Wrap(x.Type, (long)value);
        return [Tensor.FromLongs(x.Type, shape, offsets.Select(o => o < 0 ? fill : longs[o]).ToArray())];
    }

    private (long[] Begin, long[] End) Pads(Tensor?[] inputs, int rank)
    {
        long[] pads;
        int[] axes;
        if (Node.OpsetVersion < 11)
        {
            pads = _attributePads!;
            axes = Enumerable.Range(0, rank).ToArray();
        }
        else
        {
            var p = RequireValues(Required(inputs, 1), "pads");
            RequireType(p, "pads", ElementType.Int64);
            pads = p.LongData;
            if (Optional(inputs, 3) is { } axesInput)
            {
                RequireValues(axesInput, "axes");
                RequireType(axesInput, "axes", ElementType.Int64, ElementType.Int32);
                axes = axesInput.LongData.Select(a => NormalizeAxis(a, rank, "axes")).ToArray();
            }
            else
            {
                axes = Enumerable.Range(0, rank).ToArray();
            }
        }

        if (pads.Length != 2 * axes.Length)
        {
            throw Mismatch(string.Create(CultureInfo.InvariantCulture, $"pads has {pads.Length} values, {2 * axes.Length} are needed"));
        }

        var begin = new long[rank];
        var end = new long[rank];
        for (var k = 0; k < axes.Length; k++)
        {
            if (Math.Abs(pads[k]) > 1 << 24 || Math.Abs(pads[k + axes.Length]) > 1 << 24)
            {
                throw Mismatch("pads must be within ±2^24");
            }

            begin[axes[k]] = pads[k];
            end[axes[k]] = pads[k + axes.Length];
        }

        return (begin, end);
    }
}
