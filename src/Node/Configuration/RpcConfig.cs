namespace DaiChain.Node.Configuration;

/// <summary>The <c>rpc</c> section (docs/spec/rpc.md, "Limits and defaults").</summary>
public sealed class RpcConfig
{
    /// <summary>host:port of the JSON-RPC, WebSocket, /health and /metrics listener.</summary>
    public string ListenAddress { get; set; } = "127.0.0.1:8645";

    public int MaxBodyBytes { get; set; } = 1 << 20;

    public int MaxBatchSize { get; set; } = 100;

    public int MaxConnections { get; set; } = 256;

    [System.Text.Json.Serialization.JsonPropertyName("max_websocket_connections")]
    public int MaxWebSocketConnections { get; set; } = 64;

    public int MaxSubscriptionsPerConnection { get; set; } = 32;

    /// <summary>0 turns per-client rate limiting off.</summary>
    public double RequestsPerSecondPerClient { get; set; } = 200;

    public int RequestBurstPerClient { get; set; } = 400;

    public int MethodTimeoutMs { get; set; } = 30_000;

    /// <summary>Longest <c>tx_submit</c> wait for a commit a client may ask for.</summary>
    public int MaxCommitWaitMs { get; set; } = 25_000;

    /// <summary>Transactions that may be waited on at once (<c>tx_submit</c> with <c>wait</c>).</summary>
    public int MaxCommitWaiters { get; set; } = 20_000;

    public List<string> AllowedOrigins { get; set; } = [];
}
