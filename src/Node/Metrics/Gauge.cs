using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>A value that goes up and down (Prometheus <c>gauge</c>). Thread-safe and lock-free.</summary>
public sealed class Gauge : MetricSeries
{
    private double _value;

    internal Gauge()
    {
    }

    /// <summary>The current value.</summary>
    public double Value => Volatile.Read(ref _value);

    public void Set(double value) => Interlocked.Exchange(ref _value, value);

    public void Inc() => AtomicAdd(ref _value, 1);

    public void Dec() => AtomicAdd(ref _value, -1);

    /// <summary>Adds <paramref name="amount"/>, which may be negative.</summary>
    public void Add(double amount) => AtomicAdd(ref _value, amount);

    internal override void Collect(StringBuilder output, string name, string labelPairs) =>
        PrometheusText.AppendSample(output, name, labelPairs, Value);
}
