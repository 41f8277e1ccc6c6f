namespace DaiChain.Node.Metrics;

/// <summary>The Prometheus metric types this registry exposes (text format 0.0.4 <c># TYPE</c> values).</summary>
public enum MetricType
{
    Counter,
    Gauge,
    Histogram,
}
