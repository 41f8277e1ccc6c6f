using System.Globalization;
using DaiChain.ModelRegistry.Evaluation.Onnx;
using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Cast between float, double, the integer types and bool.</summary>
/// <remarks>
/// Floating to floating rounds to nearest even. Floating to integer truncates toward zero and saturates at the
/// type's range, NaN becoming 0 (ONNX leaves out-of-range casts undefined; the evaluator fixes one rule).
/// Integer to integer wraps. Anything to bool is "not zero" (NaN is true). Casts from or to strings are
/// rejected: they would parse or print text.
/// </remarks>
internal sealed class CastKernel : Kernel
{
    private readonly ElementType _to;

    public CastKernel(OnnxNode node, NodeAttributes attributes)
        : base(node)
    {
        var to = attributes.RequiredInt("to");
        if (!ElementTypes.IsDefined((int)to) || to == (long)ElementType.String)
        {
            throw Invalid($"cast to {ElementTypes.CodeName((int)to)} is not supported");
        }

        _to = (ElementType)to;
        attributes.Ignore("saturate"); // only affects float8 targets, which are not supported
        attributes.RejectUnread();
        LimitInputs(1);
        LimitOutputs(1);
    }

    public override Tensor?[] Run(Tensor?[] inputs, WorkMeter meter)
    {
        var x = Required(inputs, 0);
        if (x.Type == ElementType.String)
        {
            throw Mismatch("casting strings is not supported");
        }

        meter.Add(x.ElementCount, Node);
        if (!x.HasData)
        {
            return [Tensor.ShapeOnly(_to, x.Shape)];
        }

        if (x.Type == _to)
        {
            return [x];
        }

        var n = x.Length;
        switch (_to)
        {
            case ElementType.Float:
                {
                    var dst = new float[n];
                    for (var i = 0; i < n; i++)
                    {
                        dst[i] = x.Type switch
                        {
                            ElementType.Double => (float)x.DoubleData[i],
                            _ => (float)x.LongData[i],
                        };
                    }

                    return [Tensor.FromFloats(x.Shape, dst)];
                }

            case ElementType.Double:
                {
                    var dst = new double[n];
                    for (var i = 0; i < n; i++)
                    {
                        dst[i] = x.Type switch
                        {
                            ElementType.Float => x.FloatData[i],
                            _ => x.LongData[i],
                        };
                    }

                    return [Tensor.FromDoubles(x.Shape, dst)];
                }

            default:
                {
                    var dst = new long[n];
                    for (var i = 0; i < n; i++)
                    {
                        dst[i] = ElementTypes.IsFloating(x.Type)
                            ? FromFloating(x.GetDouble(i), _to)
                            : (_to == ElementType.Bool ? (x.LongData[i] != 0 ? 1 : 0) : ElementTypes.Wrap(_to, x.LongData[i]));
                    }

                    return [Tensor.FromLongs(_to, x.Shape, dst)];
                }
        }
    }

    /// <summary>Truncate toward zero and saturate; NaN is 0, except for bool where NaN is true.</summary>
    internal static long FromFloating(double v, ElementType to)
    {
        if (to == ElementType.Bool)
        {
            return v != 0 || double.IsNaN(v) ? 1 : 0;
        }

        if (double.IsNaN(v))
        {
            return 0;
        }

        var (min, max) = ElementTypes.Range(to);
        var t = Math.Truncate(v);
        if (t <= min)
        {
            return min;
        }

        // 2^63 is exactly representable; anything at or above it saturates.
        if (t >= 9223372036854775808.0 || t >= max)
        {
            return max;
        }

        return (long)t;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"Cast to {ElementTypes.Name(_to)}");
}
