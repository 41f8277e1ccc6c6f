using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using DaiChain.Node.Metrics;
using DaiChain.Node.Rpc.Health;
using DaiChain.Node.Rpc.RateLimiting;
using DaiChain.Node.Rpc.Subscriptions;
using DaiChain.Node.Rpc.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace DaiChain.Node.Rpc;

/// <summary>
/// The node's HTTP face on Kestrel: JSON-RPC 2.0 over <c>POST /</c> (also <c>/rpc</c>) and WebSocket
/// <c>/ws</c>, <c>GET /health</c>, <c>GET /metrics</c>, and any extra <see cref="HttpRoute"/>s.
/// </summary>
/// <remarks>
/// One terminal request delegate switches on the path; no MVC, no endpoint routing, no reflection. Kestrel's
/// limits are all set explicitly from <see cref="RpcServerOptions"/> (HTTP/1.1 only, connection counts,
/// header and body sizes, timeouts, minimum data rates) so that what a client can consume is written down
/// rather than inherited. Stopping closes WebSocket connections with 1001 and lets in-flight HTTP requests
/// finish within <see cref="RpcServerOptions.ShutdownTimeout"/>.
/// </remarks>
public sealed class RpcServer : IAsyncDisposable
{
    private const int MaxHeaderCount = 64;
    private const int MaxHeadersBytes = 32 * 1024;
    private const int MaxRequestLineBytes = 8 * 1024;
    private const double MinDataRateBytesPerSecond = 240;
    private static readonly TimeSpan MinDataRateGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HealthProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly RpcServerOptions _options;
    private readonly EventHub _events;
    private readonly MetricsRegistry _metricsRegistry;
    private readonly RpcMetrics _metrics;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly IHealthProbe? _health;
    private readonly IReadOnlyList<HttpRoute> _routes;
    private readonly RpcDispatcher _dispatcher;
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private int _webSockets;
    private long _connections;

    public RpcServer(
        RpcServerOptions options,
        RpcMethodRegistry methods,
        EventHub events,
        MetricsRegistry metrics,
        ILoggerFactory loggerFactory,
        TimeProvider time,
        IHealthProbe? health = null,
        IEnumerable<HttpRoute>? routes = null)
    {
        options.Validate();
        if (options.RequestsPerSecondPerClient > 0 && options.RequestBurstPerClient < options.MaxBatchSize)
        {
            throw new ArgumentException(
                $"rpc {nameof(options.RequestBurstPerClient)} ({options.RequestBurstPerClient}) must be at least {nameof(options.MaxBatchSize)} ({options.MaxBatchSize}), or a full batch could never pass");
        }

        _options = options;
        _events = events;
        _metricsRegistry = metrics;
        _metrics = new RpcMetrics(metrics);
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger("DaiChain.Rpc");
        _health = health;
        _routes = [.. routes ?? []];
        foreach (var route in _routes)
        {
            if (!route.PathPrefix.StartsWith('/') || route.PathPrefix is "/" or "/rpc" or "/ws" or "/health" or "/metrics")
            {
                throw new ArgumentException($"HTTP route prefix '{route.PathPrefix}' must start with '/' and not take over a built-in path", nameof(routes));
            }
        }

        var document = new OpenRpcDocument(options, methods);
        var builtIns = BuiltInMethods.Create(document, events);
        document.BuiltIns = builtIns;
        var limiter = new ClientRateLimiter(options.RequestsPerSecondPerClient, options.RequestBurstPerClient, options.MaxTrackedClients, time);
        _dispatcher = new RpcDispatcher(options, methods, builtIns, limiter, _metrics, _logger, time);
    }

    /// <summary>The bound address once started (with the real port when <see cref="RpcServerOptions.Port"/> is 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary><c>http://host:port/</c> once started.</summary>
    public Uri HttpUrl => new($"http://{Bound()}/");

    /// <summary><c>ws://host:port/ws</c> once started.</summary>
    public Uri WebSocketUrl => new($"ws://{Bound()}/ws");

    /// <summary>Binds and starts serving.</summary>
    /// <exception cref="IOException">The address is in use or cannot be bound (Kestrel's message says which).</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("the RPC server is already started");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "daichain" });
        builder.Services.AddSingleton(_loggerFactory);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = _options.ShutdownTimeout);
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(ConfigureKestrel);
        var app = builder.Build();
        app.UseWebSockets(new WebSocketOptions
        {
            KeepAliveInterval = _options.WebSocketKeepAliveInterval,
            KeepAliveTimeout = _options.WebSocketKeepAliveInterval * 2,
        });
        app.Run(HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        _app = app;

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no bound address");
        var url = new Uri(address);
        LocalEndPoint = new IPEndPoint(IPAddress.Parse(url.Host.Trim('[', ']')), url.Port);
        _logger.LogInformation(
            "RPC listening on {Url} (WebSocket {WebSocketUrl}){Mode}", HttpUrl, WebSocketUrl, _options.ReadOnly ? " in read-only audit mode" : string.Empty);
    }

    /// <summary>Closes WebSocket connections and stops accepting; waits for in-flight HTTP requests up to the shutdown timeout.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is null)
        {
            return;
        }

        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            using var timeout = new CancellationTokenSource(_options.ShutdownTimeout);
            await StopAsync(timeout.Token).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }

        _stopping.Dispose();
    }

    private void ConfigureKestrel(KestrelServerOptions kestrel)
    {
        kestrel.AddServerHeader = false;
        var limits = kestrel.Limits;
        limits.MaxConcurrentConnections = _options.MaxConnections;
        limits.MaxConcurrentUpgradedConnections = _options.MaxWebSocketConnections;
        limits.MaxRequestBodySize = _options.MaxBodyBytes;
        limits.MaxRequestHeaderCount = MaxHeaderCount;
        limits.MaxRequestHeadersTotalSize = MaxHeadersBytes;
        limits.MaxRequestLineSize = MaxRequestLineBytes;
        limits.MaxRequestBufferSize = Math.Max(_options.MaxBodyBytes, 64 * 1024);
        limits.MaxResponseBufferSize = 64 * 1024;
        limits.KeepAliveTimeout = _options.KeepAliveTimeout;
        limits.RequestHeadersTimeout = _options.RequestHeadersTimeout;
        limits.MinRequestBodyDataRate = new MinDataRate(MinDataRateBytesPerSecond, MinDataRateGrace);
        limits.MinResponseDataRate = new MinDataRate(MinDataRateBytesPerSecond, MinDataRateGrace);
        kestrel.Listen(_options.ListenAddress, _options.Port, listen => listen.Protocols = HttpProtocols.Http1);
    }

    private async Task HandleAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "/";
        var endpoint = path switch
        {
            "/" or "/rpc" => "rpc",
            "/ws" => "ws",
            "/health" => "health",
            "/metrics" => "metrics",
            _ => "other",
        };
        try
        {
            switch (endpoint)
            {
                case "rpc":
                    await ServeJsonRpcAsync(http).ConfigureAwait(false);
                    break;
                case "ws":
                    await ServeWebSocketAsync(http).ConfigureAwait(false);
                    break;
                case "health":
                    await ServeHealthAsync(http).ConfigureAwait(false);
                    break;
                case "metrics":
                    await ServeMetricsAsync(http).ConfigureAwait(false);
                    break;
                default:
                    var route = _routes.FirstOrDefault(r =>
                        HttpMethods.Equals(r.Method, http.Request.Method) && path.StartsWith(r.PathPrefix, StringComparison.Ordinal));
                    if (route is null)
                    {
                        await WriteTextAsync(http, StatusCodes.Status404NotFound, "not found: JSON-RPC is served at POST / and /ws; see also /health and /metrics\n").ConfigureAwait(false);
                    }
                    else
                    {
                        endpoint = route.PathPrefix;
                        await route.Handler(http).ConfigureAwait(false);
                    }

                    break;
            }
        }
        finally
        {
            _metrics.HttpRequests.WithLabels(endpoint, StatusLabel(http.Response.StatusCode)).Inc();
        }
    }

    private async Task ServeJsonRpcAsync(HttpContext http)
    {
        var request = http.Request;
        if (!CheckOrigin(http, out var origin))
        {
            await WriteRejectionAsync(http, StatusCodes.Status403Forbidden, OriginNotAllowed(origin!)).ConfigureAwait(false);
            return;
        }

        if (HttpMethods.IsOptions(request.Method) && origin is not null)
        {
            http.Response.Headers.AccessControlAllowMethods = "POST";
            http.Response.Headers.AccessControlAllowHeaders = "content-type";
            http.Response.Headers.AccessControlMaxAge = "600";
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        if (!HttpMethods.IsPost(request.Method))
        {
            http.Response.Headers.Allow = "POST";
            await WriteRejectionAsync(http, StatusCodes.Status405MethodNotAllowed, new RpcError(
                RpcErrorCodes.InvalidRequest,
                RpcErrorReasons.InvalidRequest,
                "send JSON-RPC 2.0 requests with HTTP POST and Content-Type: application/json (or connect a WebSocket to /ws)")).ConfigureAwait(false);
            return;
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await WriteRejectionAsync(http, StatusCodes.Status415UnsupportedMediaType, new RpcError(
                RpcErrorCodes.InvalidRequest,
                RpcErrorReasons.InvalidRequest,
                $"Content-Type must be application/json, not '{request.ContentType ?? "(none)"}'")).ConfigureAwait(false);
            return;
        }

        using var body = new BoundedBufferWriter(_options.MaxBodyBytes);
        if (request.ContentLength > _options.MaxBodyBytes || !await TryReadBodyAsync(http, body).ConfigureAwait(false))
        {
            await WriteRejectionAsync(http, StatusCodes.Status413PayloadTooLarge, BodyTooLarge()).ConfigureAwait(false);
            return;
        }

        var correlationId = http.TraceIdentifier;
        using var scope = _logger.BeginScope("correlation id {CorrelationId}", correlationId);
        var callOrigin = new RpcCallOrigin(RpcTransport.Http, http.Connection.RemoteIpAddress, correlationId, null);
        using var result = await _dispatcher.DispatchAsync(body.WrittenMemory, callOrigin, http.RequestAborted).ConfigureAwait(false);
        if (result.RetryAfter is { } retryAfter)
        {
            http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        await WriteJsonAsync(http, result.HttpStatus, result.Body).ConfigureAwait(false);
    }

    private async Task ServeWebSocketAsync(HttpContext http)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            await WriteRejectionAsync(http, StatusCodes.Status400BadRequest, new RpcError(
                RpcErrorCodes.InvalidRequest,
                RpcErrorReasons.InvalidRequest,
                "/ws is a WebSocket endpoint: connect with a WebSocket client (ws://host:port/ws), or POST JSON-RPC to /")).ConfigureAwait(false);
            return;
        }

        if (!CheckOrigin(http, out var origin))
        {
            await WriteRejectionAsync(http, StatusCodes.Status403Forbidden, OriginNotAllowed(origin!)).ConfigureAwait(false);
            return;
        }

        if (Interlocked.Increment(ref _webSockets) > _options.MaxWebSocketConnections)
        {
            Interlocked.Decrement(ref _webSockets);
            await WriteRejectionAsync(http, StatusCodes.Status503ServiceUnavailable, new RpcError(
                RpcErrorCodes.Unavailable,
                RpcErrorReasons.Unavailable,
                $"this node already serves {_options.MaxWebSocketConnections} WebSocket connections, the limit; retry later or use HTTP POST",
                new JsonObject { ["limit"] = _options.MaxWebSocketConnections })).ConfigureAwait(false);
            return;
        }

        _metrics.WebSocketConnections.Inc();
        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext { DangerousEnableCompression = false }).ConfigureAwait(false);
            var connectionId = $"ws{Interlocked.Increment(ref _connections)}";
            using var session = new WebSocketSession(socket, _dispatcher, _events, _options, _metrics, _logger, http.Connection.RemoteIpAddress, connectionId);
            _logger.LogDebug("WebSocket {Connection} opened from {Remote}", connectionId, http.Connection.RemoteIpAddress);
            await session.RunAsync(_stopping.Token).ConfigureAwait(false);
            _logger.LogDebug("WebSocket {Connection} closed", connectionId);
        }
        catch (WebSocketException e)
        {
            _logger.LogDebug(e, "WebSocket from {Remote} failed", http.Connection.RemoteIpAddress);
        }
        finally
        {
            _metrics.WebSocketConnections.Dec();
            Interlocked.Decrement(ref _webSockets);
        }
    }

    private async Task ServeHealthAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, HEAD";
            await WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, "use GET /health\n").ConfigureAwait(false);
            return;
        }

        HealthReport report;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(HealthProbeTimeout);
            report = _health is null ? HealthReport.Healthy : await _health.CheckAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _logger.LogError(e, "health probe failed (correlation id {CorrelationId})", http.TraceIdentifier);
            report = new HealthReport(HealthStatus.Unhealthy, $"the health probe failed; the node logged it with correlation id {http.TraceIdentifier}");
        }

        var json = new JsonObject
        {
            ["status"] = report.Status switch
            {
                HealthStatus.Healthy => "healthy",
                HealthStatus.Degraded => "degraded",
                _ => "unhealthy",
            },
            ["message"] = report.Message,
        };
        if (report.Facts is { Count: > 0 } facts)
        {
            var factsJson = new JsonObject();
            foreach (var (name, value) in facts)
            {
                factsJson[name] = value;
            }

            json["facts"] = factsJson;
        }

        var status = report.Status == HealthStatus.Unhealthy ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = "no-store";
        await WriteJsonAsync(http, status, Encoding.UTF8.GetBytes(json.ToJsonString())).ConfigureAwait(false);
    }

    private async Task ServeMetricsAsync(HttpContext http)
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
        {
            http.Response.Headers.Allow = "GET, HEAD";
            await WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, "use GET /metrics\n").ConfigureAwait(false);
            return;
        }

        var text = Encoding.UTF8.GetBytes(_metricsRegistry.Expose());
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = PrometheusText.ContentType;
        http.Response.ContentLength = text.Length;
        http.Response.Headers.CacheControl = "no-store";
        await http.Response.Body.WriteAsync(text, http.RequestAborted).ConfigureAwait(false);
    }

    /// <summary>Reads the whole body into <paramref name="body"/>; false when it is larger than the limit.</summary>
    private static async Task<bool> TryReadBodyAsync(HttpContext http, BoundedBufferWriter body)
    {
        var reader = http.Request.BodyReader;
        try
        {
            while (true)
            {
                var read = await reader.ReadAsync(http.RequestAborted).ConfigureAwait(false);
                foreach (var segment in read.Buffer)
                {
                    body.Write(segment.Span);
                }

                reader.AdvanceTo(read.Buffer.End);
                if (read.IsCompleted)
                {
                    return true;
                }
            }
        }
        catch (BufferLimitExceededException)
        {
            return false;
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return false;
        }
    }

    /// <summary>
    /// Browsers send <c>Origin</c>; other clients do not. A request with an origin is allowed only if it is
    /// listed in <see cref="RpcServerOptions.AllowedOrigins"/>, and then gets the CORS response headers.
    /// </summary>
    private bool CheckOrigin(HttpContext http, out string? origin)
    {
        origin = http.Request.Headers.Origin.FirstOrDefault();
        if (string.IsNullOrEmpty(origin))
        {
            origin = null;
            return true;
        }

        var requested = origin;
        var allowed = _options.AllowedOrigins.Any(a => a == "*" || string.Equals(a.TrimEnd('/'), requested, StringComparison.OrdinalIgnoreCase));
        if (allowed)
        {
            http.Response.Headers.AccessControlAllowOrigin = origin;
            http.Response.Headers.Vary = "Origin";
        }

        return allowed;
    }

    private RpcError BodyTooLarge() => new(
        RpcErrorCodes.BodyTooLarge,
        RpcErrorReasons.BodyTooLarge,
        $"the request body is larger than {_options.MaxBodyBytes} bytes, the limit; send a smaller request or split the batch",
        new JsonObject { ["limit"] = _options.MaxBodyBytes });

    private static RpcError OriginNotAllowed(string origin) => new(
        RpcErrorCodes.OriginNotAllowed,
        RpcErrorReasons.OriginNotAllowed,
        $"browser origin '{Schema.CompiledSchema.Truncate(origin, 100)}' may not call this node; the operator can add it to the RPC allowed origins");

    private async Task WriteRejectionAsync(HttpContext http, int status, RpcError error)
    {
        using var rejection = RpcDispatcher.Reject(error, status, _options.MaxResponseBytes);
        await WriteJsonAsync(http, status, rejection.Body).ConfigureAwait(false);
    }

    private static async Task WriteJsonAsync(HttpContext http, int status, ReadOnlyMemory<byte> body)
    {
        var response = http.Response;
        response.StatusCode = body.IsEmpty && status == StatusCodes.Status200OK ? StatusCodes.Status204NoContent : status;
        response.Headers.CacheControl = "no-store";
        if (body.IsEmpty)
        {
            return;
        }

        response.ContentType = "application/json";
        response.ContentLength = body.Length;
        await response.Body.WriteAsync(body, http.RequestAborted).ConfigureAwait(false);
    }

    private static async Task WriteTextAsync(HttpContext http, int status, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted).ConfigureAwait(false);
    }

    private static string StatusLabel(int status) => status switch
    {
        >= 100 and < 600 => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "other",
    };

    private string Bound() => LocalEndPoint?.ToString() ?? throw new InvalidOperationException("the RPC server is not started");
}
