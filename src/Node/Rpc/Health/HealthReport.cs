namespace DaiChain.Node.Rpc.Health;

/// <summary>A status with a sentence for the operator, and optional facts (height, peers) for dashboards.</summary>
public sealed record HealthReport(HealthStatus Status, string Message, IReadOnlyDictionary<string, string>? Facts = null)
{
    public static HealthReport Healthy { get; } = new(HealthStatus.Healthy, "ok");
}
