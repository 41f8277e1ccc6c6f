using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// A labelled metric: one <typeparamref name="TSeries"/> per combination of label values, created on first use.
/// </summary>
/// <remarks>
/// The number of series is bounded (<see cref="MaxSeries"/>): past it, new combinations share one overflow
/// series whose every label value is <see cref="OverflowLabelValue"/>, so a label fed from untrusted input can
/// never grow memory or the scrape without bound. Lookups are lock-free; creation takes a lock. Callers on hot
/// paths keep the returned series instead of looking it up each time.
/// </remarks>
public sealed class MetricFamily<TSeries> : MetricFamily
    where TSeries : MetricSeries
{
    /// <summary>The label value of the series that absorbs combinations past <see cref="MaxSeries"/>.</summary>
    public const string OverflowLabelValue = "_overflow";

    private readonly Func<TSeries> _create;
    private readonly Lock _gate = new();
    private volatile Dictionary<string, (string LabelPairs, TSeries Series)> _series = new(StringComparer.Ordinal);
    private (string LabelPairs, TSeries Series)? _overflow;

    internal MetricFamily(string name, string help, MetricType type, IReadOnlyList<string> labelNames, int maxSeries, Func<TSeries> create)
        : base(name, help, type, labelNames)
    {
        MaxSeries = maxSeries;
        _create = create;
    }

    /// <summary>The most distinct label combinations this family tracks before it overflows.</summary>
    public int MaxSeries { get; }

    /// <summary>The series for these label values, one per label name, in the order the names were declared.</summary>
    public TSeries WithLabels(params ReadOnlySpan<string> values)
    {
        if (values.Length != LabelNames.Count)
        {
            throw new ArgumentException($"{Name} has labels ({string.Join(", ", LabelNames)}); got {values.Length} values", nameof(values));
        }

        var key = Key(values);
        if (_series.TryGetValue(key, out var found))
        {
            return found.Series;
        }

        lock (_gate)
        {
            if (_series.TryGetValue(key, out found))
            {
                return found.Series;
            }

            if (_series.Count >= MaxSeries)
            {
                _overflow ??= (PrometheusText.FormatLabelPairs(LabelNames, Enumerable.Repeat(OverflowLabelValue, LabelNames.Count).ToArray()), _create());
                return _overflow.Value.Series;
            }

            // Copy on write: readers see either the old or the new dictionary, never one being mutated.
            var created = (PrometheusText.FormatLabelPairs(LabelNames, values.ToArray()), _create());
            _series = new Dictionary<string, (string, TSeries)>(_series, StringComparer.Ordinal) { [key] = created };
            return created.Item2;
        }
    }

    private protected override IEnumerable<(string LabelPairs, MetricSeries Series)> Snapshot()
    {
        List<(string LabelPairs, MetricSeries Series)> all;
        lock (_gate)
        {
            all = [.. _series.Values.Select(s => (s.LabelPairs, (MetricSeries)s.Series))];
            if (_overflow is { } overflow)
            {
                all.Add((overflow.LabelPairs, overflow.Series));
            }
        }

        all.Sort((a, b) => string.CompareOrdinal(a.LabelPairs, b.LabelPairs));
        return all;
    }

    private static string Key(ReadOnlySpan<string> values)
    {
        if (values.Length == 1)
        {
            return values[0];
        }

        // Length-prefixed so that no two different value lists can produce the same key.
        var key = new StringBuilder();
        foreach (var value in values)
        {
            key.Append(value.Length).Append(':').Append(value);
        }

        return key.ToString();
    }
}
