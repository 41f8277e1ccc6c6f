using DaiChain.ModelRegistry.Evaluation.Tensors;

namespace DaiChain.ModelRegistry.Evaluation.Operators;

/// <summary>Reading float and double tensors as double, and writing double results back with one rounding.</summary>
internal static class Numeric
{
    /// <summary>The values as doubles: a copy for float (exact), the array itself for double (never write to it).</summary>
    public static double[] ReadDoubles(Tensor t)
    {
        switch (t.Type)
        {
            case ElementType.Double:
                return t.DoubleData;
            case ElementType.Float:
                {
                    var src = t.FloatData;
                    var dst = new double[src.Length];
                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = src[i];
                    }

                    return dst;
                }

            case ElementType.String:
                throw new InvalidOperationException("string tensor has no numeric value");
            default:
                {
                    var src = t.LongData;
                    var dst = new double[src.Length];
                    for (var i = 0; i < src.Length; i++)
                    {
                        dst[i] = src[i];
                    }

                    return dst;
                }
        }
    }

    /// <summary>A float or double tensor from double values: float32 is rounded once, to nearest even.</summary>
    public static Tensor Write(ElementType type, int[] shape, double[] values)
    {
        if (type == ElementType.Double)
        {
            return Tensor.FromDoubles(shape, values);
        }

        if (type != ElementType.Float)
        {
            throw new ArgumentException($"{ElementTypes.Name(type)} is not a floating type", nameof(type));
        }

        var f = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            f[i] = (float)values[i];
        }

        return Tensor.FromFloats(shape, f);
    }
}
