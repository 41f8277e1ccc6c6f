namespace DaiChain.Node.Rpc.Health;

/// <summary>
/// Supplied by the node to say whether it is fit to serve. Called on every <c>GET /health</c>; it must be
/// cheap and should answer from state the node already has.
/// </summary>
public interface IHealthProbe
{
    ValueTask<HealthReport> CheckAsync(CancellationToken cancellationToken);
}
