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
        var d = Windows(g, 0);
        var h = Windows(g, 1);
        var w = Windows(g, 2);
        var (inH, inW) = (g.Input[1], g.Input[2]);
        foreach (var (d0, dFirst, dEnd, dPadded) in d)
        {
            foreach (var (h0, hFirst, hEnd, hPadded) in h)
            {
                foreach (var (w0, wFirst, wEnd, wPadded) in w)
                {
                    // Window elements inside the input, in (kd, kh, kw) order; padding is skipped.
                    var best = double.NaN;
                    var found = false;
                    var sum = 0.0;
                    for (var kd = dFirst; kd < dEnd; kd++)
                    {
                        var planeRow = (d0 + (kd * g.Dilations[0])) * inH;
                        for (var kh = hFirst; kh < hEnd; kh++)
                        {
                            var rowBase = offset + ((planeRow + h0 + (kh * g.Dilations[1])) * inW);
                            for (var kw = wFirst; kw < wEnd; kw++)
                            {
                                var v = x[rowBase + w0 + (kw * g.Dilations[2])];
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

                    var inside = (dEnd - dFirst) * (hEnd - hFirst) * (wEnd - wFirst);
                    result[target++] = _max ? best : sum / (_countIncludePad ? dPadded * hPadded * wPadded : inside);
                }
            }
        }
    }

    /// <summary>
    /// For each output position along one axis: the window start, the range of kernel offsets that land inside
    /// the input, and how many land inside the padded input (for count_include_pad).
    /// </summary>
    private static (int Start, int First, int End, int Padded)[] Windows(SpatialGeometry g, int axis)
    {
        var windows = new (int, int, int, int)[g.Output[axis]];
        var n = g.Input[axis];
        for (var o = 0; o < windows.Length; o++)
        {
            var start = (o * g.Strides[axis]) - g.PadBegin[axis];
            int first = -1, end = 0, padded = 0;
            for (var k = 0; k < g.Kernel[axis]; k++)
            {
                var i = start + (k * g.Dilations[axis]);
                if (i >= -g.PadBegin[axis] && i < n + g.PadEnd[axis])
                {
                    padded++;
                }

                if (i >= 0 && i < n)
                {
                    first = first < 0 ? k : first;
                    end = k + 1;
                }
            }

            windows[o] = (start, Math.Max(first, 0), first < 0 ? 0 : end, padded);
        }

        return windows;
    }
}
