namespace DaiChain.Node.Metrics;

/// <summary>Bucket layouts for <see cref="Histogram"/>: upper bounds, strictly increasing, finite.</summary>
public static class HistogramBuckets
{
    /// <summary>Request latencies in seconds, 0.5 ms to 10 s.</summary>
    public static IReadOnlyList<double> LatencySeconds { get; } =
        [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    /// <summary>Consensus and block timing in seconds, 5 ms to 60 s.</summary>
    public static IReadOnlyList<double> BlockSeconds { get; } =
        [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 30, 60];

    /// <summary><paramref name="count"/> bounds starting at <paramref name="start"/>, each <paramref name="factor"/> times the last.</summary>
    public static IReadOnlyList<double> Exponential(double start, double factor, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(start);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(factor, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bounds = new double[count];
        var bound = start;
        for (var i = 0; i < count; i++)
        {
            bounds[i] = bound;
            bound *= factor;
        }

        return bounds;
    }

    /// <summary><paramref name="count"/> bounds starting at <paramref name="start"/>, <paramref name="width"/> apart.</summary>
    public static IReadOnlyList<double> Linear(double start, double width, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var bounds = new double[count];
        for (var i = 0; i < count; i++)
        {
            bounds[i] = start + (i * width);
        }

        return bounds;
    }

    /// <summary>Checks a layout and returns it as an array; a trailing <c>+Inf</c> is dropped (it is always implied).</summary>
    internal static double[] Validate(IReadOnlyList<double> bounds)
    {
        var list = bounds.ToList();
        if (list.Count > 0 && double.IsPositiveInfinity(list[^1]))
        {
            list.RemoveAt(list.Count - 1);
        }

        if (list.Count == 0)
        {
            throw new ArgumentException("a histogram needs at least one finite bucket bound", nameof(bounds));
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!double.IsFinite(list[i]))
            {
                throw new ArgumentException($"bucket bound {list[i]} is not finite; +Inf may only be last", nameof(bounds));
            }

            if (i > 0 && !(list[i] > list[i - 1]))
            {
                throw new ArgumentException($"bucket bounds must strictly increase: {list[i - 1]} then {list[i]}", nameof(bounds));
            }
        }

        return [.. list];
    }
}
