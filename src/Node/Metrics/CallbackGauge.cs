using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>
/// A gauge whose value is read from its owner when <c>/metrics</c> is scraped (mempool size, peer count),
/// so the owner keeps no second copy of a number it already has.
/// </summary>
/// <remarks>The callback runs on the scraping thread: it must be cheap, thread-safe and must not block.</remarks>
public sealed class CallbackGauge : MetricSeries
{
    private readonly Func<double> _read;

    internal CallbackGauge(Func<double> read)
    {
        _read = read;
    }

    internal override void Collect(StringBuilder output, string name, string labelPairs)
    {
        double value;
        try
        {
            value = _read();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A failing owner must not break the scrape of every other metric: say so in a comment line,
            // which Prometheus ignores, and leave the sample out.
            output.Append("# daichain: the callback for ").Append(name).Append(" failed with ").Append(e.GetType().Name).Append('\n');
            return;
        }

        PrometheusText.AppendSample(output, name, labelPairs, value);
    }
}
