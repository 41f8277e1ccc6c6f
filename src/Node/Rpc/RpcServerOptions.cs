using System.Net;

namespace DaiChain.Node.Rpc;

/// <summary>
/// Everything configurable about the RPC server, each with a documented default (docs/spec/rpc.md, "Limits").
/// </summary>
public sealed class RpcServerOptions
{
    /// <summary>The default TCP port of the RPC server.</summary>
    public const int DefaultPort = 8645;

    /// <summary>Address to listen on. Default 127.0.0.1: exposing RPC beyond the host is an explicit choice.</summary>
    public IPAddress ListenAddress { get; init; } = IPAddress.Loopback;

    /// <summary>TCP port; 0 picks a free one (tests). Default <see cref="DefaultPort"/>.</summary>
    public int Port { get; init; } = DefaultPort;

    /// <summary>Audit mode: write methods are refused with <c>read_only</c>. Default false.</summary>
    public bool ReadOnly { get; init; }

    /// <summary>Largest HTTP body or WebSocket message, in bytes. Default 1 MiB.</summary>
    public int MaxBodyBytes { get; init; } = 1 << 20;

    /// <summary>Most requests in one batch. Default 100.</summary>
    public int MaxBatchSize { get; init; } = 100;

    /// <summary>Deepest JSON nesting in a request, counting the envelope. Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>Largest response (a result, or a whole batch), in bytes. Default 16 MiB.</summary>
    public int MaxResponseBytes { get; init; } = 16 << 20;

    /// <summary>Most open TCP connections (HTTP and WebSocket together); Kestrel closes any beyond. Default 256.</summary>
    public int MaxConnections { get; init; } = 256;

    /// <summary>Most open WebSocket connections; more are refused with HTTP 503 and <c>unavailable</c>. Default 64.</summary>
    public int MaxWebSocketConnections { get; init; } = 64;

    /// <summary>Most subscriptions one WebSocket connection may hold. Default 32.</summary>
    public int MaxSubscriptionsPerConnection { get; init; } = 32;

    /// <summary>
    /// Most messages waiting to be sent on one WebSocket connection. A subscriber that lets this fill is
    /// disconnected (close code 1008) rather than allowed to hold the node's memory. Default 256.
    /// </summary>
    public int WebSocketSendQueueLength { get; init; } = 256;

    /// <summary>
    /// Sustained requests per second per client address (IPv4 address, or IPv6 /64), each request of a batch
    /// counting once; 0 turns rate limiting off. Default 200.
    /// </summary>
    public double RequestsPerSecondPerClient { get; init; } = 200;

    /// <summary>Requests a client may send at once after being idle (the token bucket's size). Default 400.</summary>
    public int RequestBurstPerClient { get; init; } = 400;

    /// <summary>Most client addresses the rate limiter tracks; beyond, new clients share one bucket. Default 10,000.</summary>
    public int MaxTrackedClients { get; init; } = 10_000;

    /// <summary>How long a method may run before it is cancelled and answered with <c>timeout</c>. Default 30 s.</summary>
    public TimeSpan MethodTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an idle HTTP keep-alive connection stays open. Default 30 s.</summary>
    public TimeSpan KeepAliveTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a client may take to send request headers. Default 10 s.</summary>
    public TimeSpan RequestHeadersTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Interval of WebSocket pings; a peer that answers none within two intervals is dropped. Default 20 s.</summary>
    public TimeSpan WebSocketKeepAliveInterval { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a stop waits for in-flight requests before closing connections. Default 5 s.</summary>
    public TimeSpan ShutdownTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Browser origins allowed to call the node (CORS and WebSocket <c>Origin</c>), e.g.
    /// <c>https://explorer.example</c>; <c>*</c> allows any. Requests without an <c>Origin</c> header (every
    /// non-browser client) are always allowed. Default: none, so a web page cannot drive a local node.
    /// </summary>
    public IReadOnlyList<string> AllowedOrigins { get; init; } = [];

    /// <summary>The API version in the OpenRPC document's <c>info.version</c>. Default the assembly's version.</summary>
    public string ApiVersion { get; init; } = typeof(RpcServerOptions).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Checks every value; the message names the option and what it must be.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        Positive(MaxBodyBytes, nameof(MaxBodyBytes));
        Positive(MaxBatchSize, nameof(MaxBatchSize));
        Positive(MaxJsonDepth, nameof(MaxJsonDepth));
        Positive(MaxResponseBytes, nameof(MaxResponseBytes));
        Positive(MaxConnections, nameof(MaxConnections));
        Positive(MaxWebSocketConnections, nameof(MaxWebSocketConnections));
        Positive(MaxSubscriptionsPerConnection, nameof(MaxSubscriptionsPerConnection));
        Positive(WebSocketSendQueueLength, nameof(WebSocketSendQueueLength));
        Positive(RequestBurstPerClient, nameof(RequestBurstPerClient));
        Positive(MaxTrackedClients, nameof(MaxTrackedClients));
        Positive(MethodTimeout, nameof(MethodTimeout));
        Positive(KeepAliveTimeout, nameof(KeepAliveTimeout));
        Positive(RequestHeadersTimeout, nameof(RequestHeadersTimeout));
        Positive(WebSocketKeepAliveInterval, nameof(WebSocketKeepAliveInterval));
        Positive(ShutdownTimeout, nameof(ShutdownTimeout));
        if (Port is < 0 or > 65535)
        {
            throw new ArgumentException($"rpc {nameof(Port)} must be 0..65535, not {Port}");
        }

        if (!(RequestsPerSecondPerClient >= 0) || double.IsInfinity(RequestsPerSecondPerClient))
        {
            throw new ArgumentException($"rpc {nameof(RequestsPerSecondPerClient)} must be 0 (off) or a positive number, not {RequestsPerSecondPerClient}");
        }

        if (MaxWebSocketConnections > MaxConnections)
        {
            throw new ArgumentException($"rpc {nameof(MaxWebSocketConnections)} ({MaxWebSocketConnections}) cannot exceed {nameof(MaxConnections)} ({MaxConnections})");
        }

        if (MaxJsonDepth > 1000)
        {
            throw new ArgumentException($"rpc {nameof(MaxJsonDepth)} must be at most 1000, not {MaxJsonDepth}");
        }

        foreach (var origin in AllowedOrigins)
        {
            if (origin != "*" && !Uri.TryCreate(origin, UriKind.Absolute, out _))
            {
                throw new ArgumentException($"rpc {nameof(AllowedOrigins)} entry '{origin}' must be '*' or an origin such as https://explorer.example");
            }
        }
    }

    private static void Positive(int value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentException($"rpc {name} must be positive, not {value}");
        }
    }

    private static void Positive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"rpc {name} must be a positive duration, not {value}");
        }
    }
}
