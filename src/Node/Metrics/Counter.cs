using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>A monotonically increasing count (Prometheus <c>counter</c>). Thread-safe and lock-free.</summary>
public sealed class Counter : MetricSeries
{
    private double _value;

    internal Counter()
    {
    }

    /// <summary>The current count.</summary>
    public double Value => Volatile.Read(ref _value);

    /// <summary>Adds one.</summary>
    public void Inc() => AtomicAdd(ref _value, 1);

    /// <summary>Adds <paramref name="amount"/>, which must be zero or positive: a counter never goes down.</summary>
    public void Inc(double amount)
    {
        if (!(amount >= 0) || double.IsInfinity(amount))
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "a counter only increases by a finite, non-negative amount");
        }

        AtomicAdd(ref _value, amount);
    }

    internal override void Collect(StringBuilder output, string name, string labelPairs) =>
        PrometheusText.AppendSample(output, name, labelPairs, Value);
}
