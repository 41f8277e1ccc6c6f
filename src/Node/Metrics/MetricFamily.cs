using System.Text;

namespace DaiChain.Node.Metrics;

/// <summary>A named metric with its help text, type and label names: the unit of <c># HELP</c> and <c># TYPE</c>.</summary>
public abstract class MetricFamily
{
    private protected MetricFamily(string name, string help, MetricType type, IReadOnlyList<string> labelNames)
    {
        Name = name;
        Help = help;
        Type = type;
        LabelNames = labelNames;
    }

    public string Name { get; }

    public string Help { get; }

    public MetricType Type { get; }

    public IReadOnlyList<string> LabelNames { get; }

    /// <summary>Appends the HELP and TYPE lines and every series of this family.</summary>
    internal void Collect(StringBuilder output)
    {
        output.Append("# HELP ").Append(Name).Append(' ');
        PrometheusText.AppendHelp(output, Help);
        output.Append("\n# TYPE ").Append(Name).Append(' ').Append(TypeName(Type)).Append('\n');
        foreach (var (labelPairs, series) in Snapshot())
        {
            series.Collect(output, Name, labelPairs);
        }
    }

    /// <summary>The series of this family with their label pairs, in a stable order.</summary>
    private protected abstract IEnumerable<(string LabelPairs, MetricSeries Series)> Snapshot();

    private static string TypeName(MetricType type) => type switch
    {
        MetricType.Counter => "counter",
        MetricType.Gauge => "gauge",
        MetricType.Histogram => "histogram",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown metric type"),
    };
}
