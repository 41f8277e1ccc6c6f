using System.Globalization;

namespace DaiChain.ModelRegistry.Evaluation.Tensors;

/// <summary>Shape arithmetic: element counts without overflow, strides, numpy broadcasting, axis normalisation.</summary>
internal static class Shapes
{
    /// <summary>Product of the dimensions, saturating at <see cref="long.MaxValue"/> so caps can be checked safely.</summary>
    public static long ElementCount(ReadOnlySpan<int> shape)
    {
        long count = 1;
        foreach (var d in shape)
        {
            if (d < 0)
            {
                throw new ArgumentException($"negative dimension {d}");
            }

            if (d != 0 && count > long.MaxValue / d)
            {
                return long.MaxValue;
            }

            count *= d;
        }

        return count;
    }

    public static long ElementCount(ReadOnlySpan<int> shape, int from, int to)
    {
        long count = 1;
        for (var i = from; i < to; i++)
        {
            count *= shape[i];
        }

        return count;
    }

    public static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var i = shape.Length - 1; i >= 0; i--)
        {
            strides[i] = s;
            s *= shape[i];
        }

        return strides;
    }

    /// <summary>Numpy (multidirectional) broadcasting of two shapes, or null when they do not broadcast.</summary>
    public static int[]? Broadcast(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        var rank = Math.Max(a.Length, b.Length);
        var result = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Length ? 1 : a[i - (rank - a.Length)];
            var db = i < rank - b.Length ? 1 : b[i - (rank - b.Length)];
            if (da == db || db == 1)
            {
                result[i] = da;
            }
            else if (da == 1)
            {
                result[i] = db;
            }
            else
            {
                return null;
            }
        }

        return result;
    }

    /// <summary>
    /// Strides to read a tensor of shape <paramref name="shape"/> as if broadcast to <paramref name="target"/>:
    /// 0 on broadcast dimensions.
    /// </summary>
    public static int[] BroadcastStrides(ReadOnlySpan<int> shape, ReadOnlySpan<int> target)
    {
        var strides = new int[target.Length];
        var own = Strides(shape);
        var offset = target.Length - shape.Length;
        for (var i = 0; i < shape.Length; i++)
        {
            strides[i + offset] = shape[i] == 1 && target[i + offset] != 1 ? 0 : own[i];
        }

        return strides;
    }

    /// <summary>Normalises an axis in [-rank, rank) to [0, rank), or returns -1 when out of range.</summary>
    public static int NormalizeAxis(long axis, int rank)
    {
        if (axis < -rank || axis >= rank)
        {
            return -1;
        }

        return (int)(axis < 0 ? axis + rank : axis);
    }

    public static bool Equal(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => a.SequenceEqual(b);

    public static string Format(ReadOnlySpan<int> shape)
    {
        var parts = new string[shape.Length];
        for (var i = 0; i < shape.Length; i++)
        {
            parts[i] = shape[i].ToString(CultureInfo.InvariantCulture);
        }

        return "[" + string.Join(",", parts) + "]";
    }
}
