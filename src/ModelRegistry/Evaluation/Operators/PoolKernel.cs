using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>MaxPool, AveragePool (1 to 3 spatial dimensions) and GlobalAveragePool.</summary>
/// <remarks>
/// MaxPool ignores padding and keeps the first of equal maxima. AveragePool sums in double in window order
/// and divides by the number of elements inside the input, or, with count_include_pad, inside the padded
/// input. Only the first output (Y) of MaxPool is produced.
/// </remarks>
internal sealed class PoolKernel : Kernel
{
    private readonly bool _max;
    private readonly bool _global;
    private readonly string _autoPad = "NOTSET";
    private readonly bool _ceilMode;
    private readonly bool _countIncludePad;
    private readonly long[]? _dilations;
    private readonly long[] _kernelShape = [];
    private readonly long[]? _pads;
    private readonly long[]? _strides;

    public PoolKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _max = node.OpType == "MaxPool";
        _global = node.OpType == "GlobalAveragePool";
        if (!_global)
        {
            _autoPad = attributes.String("auto_pad", "NOTSET");
            _ceilMode = attributes.Int("ceil_mode", 0) != 0;
            _dilations = attributes.Ints("dilations");
            _kernelShape = attributes.Ints("kernel_shape") ?? throw attributes.Invalid("kernel_shape", "required but missing");
            _pads = attributes.Ints("pads");
            _strides = attributes.Ints("strides");
            if (_max)
            {
                attributes.Ignore("storage_order"); // only affects the Indices output, which is not produced
            }
            else
            {
                _countIncludePad = attributes.Int("count_include_pad", 0) != 0;
            }
        }

        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (!ElementTypes.IsNumeric(x.Type) || (!_max && !ElementTypes.IsFloating(x.Type)))
        {
            throw Mismatch($"element type {ElementTypes.Name(x.Type)} is not accepted");
        }

        if (x.Rank is < 3 or > 5)
        {
            throw Mismatch($"X {Shapes.Format(x.Shape)} must be [N, C, spatial...] with 1-3 spatial dims");
        }

        var spatial = x.Shape.AsSpan(2);
        var kernel = _global ? spatial.ToArray().Select(d => (long)d).ToArray() : _kernelShape;
        var g = SpatialGeometry.Compute(spatial, kernel, _global ? null : _strides, _global ? null : _dilations,
            _global ? null : _pads, _global ? "VALID" : _autoPad, _ceilMode, Invalid);
        var shape = new int[x.Rank];
        shape[0] = x.Shape[0];
        shape[1] = x.Shape[1];
        for (var d = 2; d < x.Rank; d++)
        {
            shape[d] = g.Output[3 - (x.Rank - 2) + (d - 2)];
        }

        meter.CheckShape(shape, Node);
        var planes = (long)x.Shape[0] * x.Shape[1];
        meter.Add(planes * g.OutputCount * g.KernelCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        var xd = Numeric.ReadDoubles(x);
        var result = new double[planes * g.OutputCount];
        var planeSize = g.Input[0] * g.Input[1] * g.Input[2];
        for (var p = 0; p < planes; p++)
        {
            Pool(xd, p * planeSize, g, result, p * g.OutputCount);
        }

        if (ElementTypes.IsFloating(x.Type))
        {
            return [Numeric.Write(x.Type, shape, result)];
        }

        return [Tensor.FromLongs(x.Type, shape, result.Select(v => (long)v).ToArray())];
    }

    private void Pool(double[] x, int offset, SpatialGeometry g, double[] result, int target)
    {
        for (var od = 0; od < g.Output[0]; od++)
        {
            for (var oh = 0; oh < g.Output[1]; oh++)
            {
                for (var ow = 0; ow < g.Output[2]; ow++)
                {
                    var d0 = (od * g.Strides[0]) - g.PadBegin[0];
                    var h0 = (oh * g.Strides[1]) - g.PadBegin[1];
                    var w0 = (ow * g.Strides[2]) - g.PadBegin[2];
                    var best = double.NaN;
                    var found = false;
                    var sum = 0.0;
                    var inside = 0;
                    var padded = 0;
                    for (var kd = 0; kd < g.Kernel[0]; kd++)
                    {
                        var id = d0 + (kd * g.Dilations[0]);
                        for (var kh = 0; kh < g.Kernel[1]; kh++)
                        {
                            var ih = h0 + (kh * g.Dilations[1]);
                            for (var kw = 0; kw < g.Kernel[2]; kw++)
                            {
                                var iw = w0 + (kw * g.Dilations[2]);
                                if (InPadded(id, 0, g) && InPadded(ih, 1, g) && InPadded(iw, 2, g))
                                {
                                    padded++;
                                }

                                if (id < 0 || id >= g.Input[0] || ih < 0 || ih >= g.Input[1] || iw < 0 || iw >= g.Input[2])
                                {
                                    continue;
                                }

                                var v = x[offset + (((id * g.Input[1]) + ih) * g.Input[2]) + iw];
                                inside++;
                                if (_max)
                                {
                                    if (!found || v > best)
                                    {
                                        best = v;
                                        found = true;
                                    }
                                }
                                else
                                {
                                    sum += v;
                                }
                            }
                        }
                    }

                    result[target++] = _max ? best : sum / (_countIncludePad ? padded : inside);
                }
            }
        }
    }

    private static bool InPadded(int index, int axis, SpatialGeometry g) =>
        index >= -g.PadBegin[axis] && index < g.Input[axis] + g.PadEnd[axis];
}
