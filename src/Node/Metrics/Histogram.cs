using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// A distribution of observations over fixed buckets (Prometheus <c>histogram</c>): cumulative
/// <c>_bucket</c> counts per upper bound (<c>le</c>) and <c>+Inf</c>, <c>_sum</c> and <c>_count</c>.
/// Thread-safe and lock-free.
/// </summary>
/// <remarks>
/// Buckets are counted individually and made cumulative when scraped; <c>_count</c> is the sum of the buckets,
/// so it always equals the <c>+Inf</c> bucket even while observations race with a scrape.
/// </remarks>
public sealed class Histogram : MetricSeries
{
    private readonly double[] _upperBounds;
    private readonly string[] _boundLabels;
    private readonly long[] _counts;
    private double _sum;

    internal Histogram(double[] upperBounds)
    {
        _upperBounds = upperBounds;
        _boundLabels = new string[upperBounds.Length + 1];
        for (var i = 0; i < upperBounds.Length; i++)
        {
            _boundLabels[i] = PrometheusText.FormatValue(upperBounds[i]);
        }

        _boundLabels[^1] = "+Inf";
        _counts = new long[upperBounds.Length + 1];
    }

    /// <summary>The number of observations so far.</summary>
    public long Count
    {
        get
        {
            long total = 0;
            foreach (ref var count in _counts.AsSpan())
            {
                total += Volatile.Read(ref count);
            }

            return total;
        }
    }

    /// <summary>The sum of the observations so far.</summary>
    public double Sum => Volatile.Read(ref _sum);

    /// <summary>Records one observation; NaN is ignored because it would poison <c>_sum</c> forever.</summary>
    public void Observe(double value)
    {
        if (double.IsNaN(value))
        {
            return;
        }

        var index = Array.BinarySearch(_upperBounds, value);
        // An exact match belongs to that bucket (le is inclusive); otherwise the complement is the first larger bound.
        Interlocked.Increment(ref _counts[index >= 0 ? index : ~index]);
        AtomicAdd(ref _sum, value);
    }

    /// <summary>Records a duration in seconds, the Prometheus base unit of time.</summary>
    public void Observe(TimeSpan duration) => Observe(duration.TotalSeconds);

    internal override void Collect(StringBuilder output, string name, string labelPairs)
    {
        var bucketName = name + "_bucket";
        var prefix = labelPairs.Length == 0 ? "le=\"" : labelPairs + ",le=\"";
        long cumulative = 0;
        for (var i = 0; i < _counts.Length; i++)
        {
            cumulative += Volatile.Read(ref _counts[i]);
            PrometheusText.AppendSample(output, bucketName, prefix + _boundLabels[i] + "\"", cumulative);
        }

        PrometheusText.AppendSample(output, name + "_sum", labelPairs, Sum);
        PrometheusText.AppendSample(output, name + "_count", labelPairs, cumulative);
    }
}
