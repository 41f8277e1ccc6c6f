namespace DaiChain.ModelRegistry.Evaluation.Metrics;

/// <summary>Integer regression metrics in micro-units (10^-6): mean squared error and mean absolute error, rounded down.</summary>
/// <remarks>
/// Each prediction p and target y becomes an integer number of micro-units, round-half-even(v · 10^6) computed in
/// double, clamped to ±10^15 (a non-finite prediction clamps to +10^15, or −10^15 for −∞). With d = p − y the sums Σd²
/// and Σ|d| are exact in 128-bit integers; MSE = ⌊Σd² / (n · 10^6)⌋ and MAE = ⌊Σ|d| / n⌋ micro-units.
/// </remarks>
public sealed record RegressionMetrics(long MseMicro, long MaeMicro, long Total)
{
    public const long MaxMicro = 1_000_000_000_000_000;

    public static RegressionMetrics Compute(IReadOnlyList<float> truth, IReadOnlyList<double> predicted)
    {
        if (truth.Count != predicted.Count || truth.Count == 0)
        {
            throw new ArgumentException("truth and predictions must be non-empty and of equal length", nameof(predicted));
        }

        Int128 squares = 0;
        Int128 absolute = 0;
        for (var i = 0; i < truth.Count; i++)
        {
            var d = (Int128)(ToMicro(predicted[i]) - ToMicro(truth[i]));
            squares += d * d;
            absolute += d < 0 ? -d : d;
        }

        var n = truth.Count;
        return new RegressionMetrics(Clamp(squares / (n * (Int128)1_000_000)), Clamp(absolute / n), n);
    }

    /// <summary>v in micro-units, rounded half to even, clamped to ±<see cref="MaxMicro"/>.</summary>
    public static long ToMicro(double v)
    {
        if (double.IsNaN(v) || double.IsPositiveInfinity(v))
        {
            return MaxMicro;
        }

        if (double.IsNegativeInfinity(v))
        {
            return -MaxMicro;
        }

        var scaled = Math.Round(v * 1_000_000.0, MidpointRounding.ToEven);
        return scaled >= MaxMicro ? MaxMicro : scaled <= -MaxMicro ? -MaxMicro : (long)scaled;
    }

    private static long Clamp(Int128 value) => value > long.MaxValue ? long.MaxValue : (long)value;
}
