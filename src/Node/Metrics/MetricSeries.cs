using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// One time series of a metric family: the value behind one combination of label values.
/// </summary>
/// <remarks>Only this assembly derives series types, so the exposition code knows every shape.</remarks>
public abstract class MetricSeries
{
    private protected MetricSeries()
    {
    }

    /// <summary>Appends this series' sample lines under <paramref name="name"/> with the given label pairs.</summary>
    internal abstract void Collect(StringBuilder output, string name, string labelPairs);

    /// <summary>Adds <paramref name="amount"/> to a double without a lock.</summary>
    private protected static void AtomicAdd(ref double location, double amount)
    {
        var current = Volatile.Read(ref location);
        while (true)
        {
            var seen = Interlocked.CompareExchange(ref location, current + amount, current);
            if (seen.Equals(current))
            {
                return;
            }

            current = seen;
        }
    }
}
