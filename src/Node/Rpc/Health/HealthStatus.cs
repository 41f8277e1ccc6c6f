namespace DaiChain.Node.Rpc.Health;

/// <summary>The node's answer at <c>GET /health</c>.</summary>
public enum HealthStatus
{
    /// <summary>Serving normally: HTTP 200.</summary>
    Healthy,

    /// <summary>Serving, but something needs attention (catching up, few peers): HTTP 200.</summary>
    Degraded,

    /// <summary>Not fit to serve (consensus halted, storage failing): HTTP 503.</summary>
    Unhealthy,
}
