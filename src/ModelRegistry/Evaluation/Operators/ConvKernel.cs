using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Conv over 1 to 3 spatial dimensions with groups, strides, dilations, pads and auto_pad.</summary>
/// <remarks>
/// Each output is Σ over (input channel, kd, kh, kw) in that order of x·w in double (padding contributes 0·w),
/// then the bias is added and the sum rounded once. Implemented as im2col followed by <see cref="Dense.Multiply"/>.
/// </remarks>
internal sealed class ConvKernel : Kernel
{
    private readonly string _autoPad;
    private readonly long[]? _dilations;
    private readonly long _group;
    private readonly long[]? _kernelShape;
    private readonly long[]? _pads;
    private readonly long[]? _strides;
    private readonly PackedCache _weights = new();

    public ConvKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        _autoPad = attributes.String("auto_pad", "NOTSET");
        _dilations = attributes.Ints("dilations");
        _group = attributes.Int("group", 1);
        _kernelShape = attributes.Ints("kernel_shape");
        _pads = attributes.Ints("pads");
        _strides = attributes.Ints("strides");
        attributes.RejectUnread();
        LimitInputs(3);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        var w = Required(inputs, 1);
        var bias = Optional(inputs, 2);
        RequireFloating(x, "X");
        if (w.Type != x.Type || (bias is not null && bias.Type != x.Type))
        {
            throw Mismatch("inputs have different element types");
        }

        if (x.Rank < 3 || w.Rank != x.Rank)
        {
            throw Mismatch($"X {Shapes.Format(x.Shape)} and W {Shapes.Format(w.Shape)} must both be [N, C, spatial...] with 1-3 spatial dims");
        }

        var batch = x.Shape[0];
        var channels = x.Shape[1];
        var maps = w.Shape[0];
        if (_group < 1 || channels % _group != 0 || maps % _group != 0 || w.Shape[1] != channels / _group)
        {
            throw Mismatch($"group {_group} does not fit X channels {channels} and W {Shapes.Format(w.Shape)}");
        }

        if (bias is not null && (bias.Rank != 1 || bias.Shape[0] != maps))
        {
            throw Mismatch($"B {Shapes.Format(bias.Shape)} must be [{maps}]");
        }

        var kernel = _kernelShape ?? w.Shape[2..].Select(d => (long)d).ToArray();
        if (!kernel.SequenceEqual(w.Shape[2..].Select(d => (long)d)))
        {
            throw Mismatch("kernel_shape does not match W");
        }

        var g = SpatialGeometry.Compute(x.Shape.AsSpan(2), kernel, _strides, _dilations, _pads, _autoPad, false, Invalid);
        var shape = new int[x.Rank];
        shape[0] = batch;
        shape[1] = maps;
        for (var d = 2; d < x.Rank; d++)
        {
            shape[d] = g.Output[3 - (x.Rank - 2) + (d - 2)];
        }

        var groups = (int)_group;
        var cg = channels / groups;
        var mg = maps / groups;
        var depth = cg * g.KernelCount;
        var positions = g.OutputCount;
        meter.CheckShape(shape, Node);
        meter.CheckShape([depth, positions], Node);
        meter.Add((long)batch * maps * positions * depth, Node);
        if (!AllHaveData(x, w, bias))
        {
            return [Tensor.ShapeOnly(x.Type, shape)];
        }

        var xd = Numeric.ReadDoubles(x);
        var wd = _weights.GetOrCreate(w, () => (double[])Numeric.ReadDoubles(w).Clone());
        var bd = bias is null ? null : Numeric.ReadDoubles(bias);
        var cols = new double[depth * positions];
        var acc = new double[mg * positions];
        var result = new double[(long)batch * maps * positions];
        var planeSize = g.Input[0] * g.Input[1] * g.Input[2];
        for (var n = 0; n < batch; n++)
        {
            for (var gi = 0; gi < groups; gi++)
            {
                Im2Col(xd, ((n * channels) + (gi * cg)) * planeSize, cg, g, cols);
                Dense.Multiply(wd, gi * mg * depth, depth, 1, cols, 0, mg, depth, positions, acc);
                for (var m = 0; m < mg; m++)
                {
                    var map = (gi * mg) + m;
                    var b = bd?[map] ?? 0.0;
                    var outOffset = ((n * maps) + map) * positions;
                    for (var p = 0; p < positions; p++)
                    {
                        result[outOffset + p] = acc[(m * positions) + p] + b;
                    }
                }
            }
        }

        return [Numeric.Write(x.Type, shape, result)];
    }

    /// <summary>cols[(c, kd, kh, kw), (od, oh, ow)] = x[c, od·s − pad + kd·dil, ...] or 0 outside the input.</summary>
    private static void Im2Col(double[] x, int offset, int channels, SpatialGeometry g, double[] cols)
    {
        var (inD, inH, inW) = (g.Input[0], g.Input[1], g.Input[2]);
        var (outD, outH, outW) = (g.Output[0], g.Output[1], g.Output[2]);
        var positions = outD * outH * outW;
        var row = 0;
        for (var c = 0; c < channels; c++)
        {
            var plane = offset + (c * inD * inH * inW);
            for (var kd = 0; kd < g.Kernel[0]; kd++)
            {
                for (var kh = 0; kh < g.Kernel[1]; kh++)
                {
                    for (var kw = 0; kw < g.Kernel[2]; kw++, row++)
                    {
                        var target = row * positions;
                        for (var od = 0; od < outD; od++)
                        {
                            var id = (od * g.Strides[0]) - g.PadBegin[0] + (kd * g.Dilations[0]);
                            for (var oh = 0; oh < outH; oh++)
                            {
                                var ih = (oh * g.Strides[1]) - g.PadBegin[1] + (kh * g.Dilations[1]);
                                if (id < 0 || id >= inD || ih < 0 || ih >= inH)
                                {
                                    Array.Clear(cols, target, outW);
                                    target += outW;
                                    continue;
                                }

                                // Output columns whose input column iw = ow·s − pad + kw·dil lies inside [0, inW).
                                var rowBase = plane + (((id * inH) + ih) * inW);
                                var offsetW = (kw * g.Dilations[2]) - g.PadBegin[2];
                                var first = offsetW >= 0 ? 0 : Math.Min(outW, (-offsetW + g.Strides[2] - 1) / g.Strides[2]);
                                var end = inW - offsetW <= 0 ? 0 : Math.Min(outW, ((inW - offsetW - 1) / g.Strides[2]) + 1);
                                end = Math.Max(end, first);
                                Array.Clear(cols, target, first);
                                if (g.Strides[2] == 1)
                                {
                                    Array.Copy(x, rowBase + first + offsetW, cols, target + first, end - first);
                                }
                                else
                                {
                                    for (var ow = first; ow < end; ow++)
                                    {
                                        cols[target + ow] = x[rowBase + (ow * g.Strides[2]) + offsetW];
                                    }
                                }

                                Array.Clear(cols, target + end, outW - end);
                                target += outW;
                            }
                        }
                    }
                }
            }
        }
    }
}
