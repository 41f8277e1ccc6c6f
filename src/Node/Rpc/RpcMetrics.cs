using DaiChain.Node.Metrics;

namespace DaiChain.Node.Rpc;

/// <summary>The RPC server's own metrics: requests by method and outcome, latency by method, connections.</summary>
/// <remarks>
/// The <c>method</c> label holds only registered method names, <c>unknown</c> (no such method),
/// <c>invalid</c> (a request object without a readable method) or <c>none</c> (a body refused before any
/// request was read: not JSON, too deep, batch too large, rate limited), and <c>outcome</c> is <c>ok</c> or an
/// error reason, so the label sets are bounded by the registry and the code table, never by what clients send.
/// </remarks>
internal sealed class RpcMetrics
{
    public const string UnknownMethod = "unknown";
    public const string InvalidMethod = "invalid";
    public const string NoMethod = "none";
    public const string Ok = "ok";

    private readonly MetricFamily<Counter> _requests;
    private readonly MetricFamily<Histogram> _duration;

    public RpcMetrics(MetricsRegistry registry)
    {
        _requests = registry.CreateCounterFamily(
            "daichain_rpc_requests_total", "JSON-RPC requests by method and outcome (ok or the error reason).", "method", "outcome");
        _duration = registry.CreateHistogramFamily(
            "daichain_rpc_request_duration_seconds", "Time to handle a JSON-RPC request, by method.", HistogramBuckets.LatencySeconds, "method");
        WebSocketConnections = registry.CreateGauge("daichain_rpc_websocket_connections", "Open WebSocket connections.");
        HttpRequests = registry.CreateCounterFamily("daichain_rpc_http_requests_total", "HTTP requests by endpoint and status code.", "endpoint", "status");
        SlowSubscribersDisconnected = registry.CreateCounter(
            "daichain_rpc_slow_subscribers_disconnected_total", "WebSocket connections closed because their send queue was full.");
    }

    public Gauge WebSocketConnections { get; }

    public MetricFamily<Counter> HttpRequests { get; }

    public Counter SlowSubscribersDisconnected { get; }

    public void Record(string method, string outcome, TimeSpan elapsed)
    {
        _requests.WithLabels(method, outcome).Inc();
        _duration.WithLabels(method).Observe(elapsed);
    }
}
