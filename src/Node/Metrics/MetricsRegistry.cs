using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// The node's metrics, exposed in the Prometheus text format 0.0.4 at <c>/metrics</c>.
/// </summary>
/// <remarks>
/// Each part of the node creates its metrics once, at composition time, and keeps the returned objects;
/// updating them is lock-free. Names are checked when created (syntax, uniqueness, counters end in
/// <c>_total</c>) so a typo fails at start-up, not in a dashboard. No global instance: the composition root
/// owns one registry and hands it to whoever needs it.
/// </remarks>
public sealed class MetricsRegistry
{
    /// <summary>The default bound on label combinations per family.</summary>
    public const int DefaultMaxSeriesPerFamily = 1000;

    private readonly Lock _gate = new();
    private readonly SortedDictionary<string, MetricFamily> _families = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reservedNames = new(StringComparer.Ordinal);

    public MetricsRegistry(int maxSeriesPerFamily = DefaultMaxSeriesPerFamily)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSeriesPerFamily);
        MaxSeriesPerFamily = maxSeriesPerFamily;
    }

    public int MaxSeriesPerFamily { get; }

    public Counter CreateCounter(string name, string help) =>
        CreateCounterFamily(name, help).WithLabels();

    public MetricFamily<Counter> CreateCounterFamily(string name, string help, params string[] labelNames)
    {
        if (!name.EndsWith("_total", StringComparison.Ordinal))
        {
            throw new ArgumentException($"counter {name} must end in _total (Prometheus naming)", nameof(name));
        }

        return Add(new MetricFamily<Counter>(name, help, MetricType.Counter, CheckLabels(name, labelNames, histogram: false), MaxSeriesPerFamily, static () => new Counter()));
    }

    public Gauge CreateGauge(string name, string help) =>
        CreateGaugeFamily(name, help).WithLabels();

    public MetricFamily<Gauge> CreateGaugeFamily(string name, string help, params string[] labelNames) =>
        Add(new MetricFamily<Gauge>(name, help, MetricType.Gauge, CheckLabels(name, labelNames, histogram: false), MaxSeriesPerFamily, static () => new Gauge()));

    /// <summary>A gauge read from <paramref name="read"/> at each scrape; see <see cref="CallbackGauge"/>.</summary>
    public CallbackGauge CreateCallbackGauge(string name, string help, Func<double> read) =>
        Add(new MetricFamily<CallbackGauge>(name, help, MetricType.Gauge, [], 1, () => new CallbackGauge(read))).WithLabels();

    public Histogram CreateHistogram(string name, string help, IReadOnlyList<double> buckets) =>
        CreateHistogramFamily(name, help, buckets).WithLabels();

    public MetricFamily<Histogram> CreateHistogramFamily(string name, string help, IReadOnlyList<double> buckets, params string[] labelNames)
    {
        var bounds = HistogramBuckets.Validate(buckets);
        return Add(new MetricFamily<Histogram>(name, help, MetricType.Histogram, CheckLabels(name, labelNames, histogram: true), MaxSeriesPerFamily, () => new Histogram(bounds)));
    }

    /// <summary>The whole exposition: every family sorted by name, each with HELP, TYPE and its series.</summary>
    public string Expose()
    {
        List<MetricFamily> families;
        lock (_gate)
        {
            families = [.. _families.Values];
        }

        var output = new StringBuilder(4096);
        foreach (var family in families)
        {
            family.Collect(output);
        }

        return output.ToString();
    }

    private MetricFamily<TSeries> Add<TSeries>(MetricFamily<TSeries> family)
        where TSeries : MetricSeries
    {
        var name = family.Name;
        if (!PrometheusText.IsValidMetricName(name))
        {
            throw new ArgumentException($"'{name}' is not a valid Prometheus metric name ([a-zA-Z_:][a-zA-Z0-9_:]*)", nameof(family));
        }

        if (family.Help.Length == 0)
        {
            throw new ArgumentException($"metric {name} needs a help text", nameof(family));
        }

        // A histogram also writes name_bucket, name_sum and name_count; none of them may be another metric.
        string[] names = family.Type == MetricType.Histogram ? [name, name + "_bucket", name + "_sum", name + "_count"] : [name];
        lock (_gate)
        {
            foreach (var taken in names)
            {
                if (_reservedNames.Contains(taken))
                {
                    throw new ArgumentException($"metric name {taken} is already registered", nameof(family));
                }
            }

            _reservedNames.UnionWith(names);
            _families.Add(name, family);
        }

        return family;
    }

    private static string[] CheckLabels(string name, string[] labelNames, bool histogram)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var label in labelNames)
        {
            if (!PrometheusText.IsValidLabelName(label))
            {
                throw new ArgumentException($"'{label}' on {name} is not a valid label name ([a-zA-Z_][a-zA-Z0-9_]*, no __ prefix)", nameof(labelNames));
            }

            if (histogram && label == "le")
            {
                throw new ArgumentException($"histogram {name} may not use the label 'le'; it holds the bucket bound", nameof(labelNames));
            }

            if (!seen.Add(label))
            {
                throw new ArgumentException($"label {label} appears twice on {name}", nameof(labelNames));
            }
        }

        return [.. labelNames];
    }
}
