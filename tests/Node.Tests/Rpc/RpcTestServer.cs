using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using DaiChain.Node.Metrics;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Health;
using DaiChain.Node.Rpc.Subscriptions;
using Microsoft.Extensions.Logging.Abstractions;

namespace DaiChain.Node.Tests.Rpc;

/// <summary>A real Kestrel RPC server on 127.0.0.1 and an ephemeral port, with the sample methods and a client.</summary>
public sealed class RpcTestServer : IAsyncDisposable
{
    /// <summary>Bounds every wait in the tests, so a bug fails a test instead of hanging it.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private RpcTestServer(RpcServer server, EventHub events, MetricsRegistry metrics, RpcServerOptions options)
    {
        Server = server;
        Events = events;
        Metrics = metrics;
        Options = options;
        Http = new HttpClient { BaseAddress = server.HttpUrl, Timeout = Patience };
    }

    public RpcServer Server { get; }

    public EventHub Events { get; }

    public MetricsRegistry Metrics { get; }

    public RpcServerOptions Options { get; }

    public HttpClient Http { get; }

    public static async Task<RpcTestServer> StartAsync(
        Func<RpcServerOptions, RpcServerOptions>? configure = null,
        TimeProvider? time = null,
        IHealthProbe? health = null,
        RpcMethodRegistry? methods = null,
        IEnumerable<HttpRoute>? routes = null)
    {
        var options = new RpcServerOptions { Port = 0 };
        options = configure?.Invoke(options) ?? options;
        var metrics = new MetricsRegistry();
        var events = new EventHub(RpcTopics.All, metrics);
        var server = new RpcServer(options, methods ?? SampleMethods.Registry(), events, metrics, NullLoggerFactory.Instance, time ?? TimeProvider.System, health, routes);
        using var timeout = new CancellationTokenSource(Patience);
        await server.StartAsync(timeout.Token);
        return new RpcTestServer(server, events, metrics, options);
    }

    /// <summary>POSTs <paramref name="json"/> to / as application/json.</summary>
    public async Task<Reply> PostAsync(string json, string contentType = "application/json")
    {
        using var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        using var response = await Http.PostAsync("/", content);
        return await Reply.ReadAsync(response);
    }

    public async Task<JsonElement> CallAsync(string method, string paramsJson = "{}")
    {
        var reply = await PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"{{method}}","params":{{paramsJson}}}""");
        Assert.Equal(HttpStatusCode.OK, reply.Status);
        return reply.Json;
    }

    public async Task<TestWebSocket> ConnectAsync()
    {
        var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        using var timeout = new CancellationTokenSource(Patience);
        await socket.ConnectAsync(Server.WebSocketUrl, timeout.Token);
        return new TestWebSocket(socket);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    /// <summary>An HTTP reply: status, headers and the body parsed as JSON when there is one.</summary>
    public sealed record Reply(HttpStatusCode Status, string Body, System.Net.Http.Headers.HttpResponseHeaders Headers, string? ContentType)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;

        public static async Task<Reply> ReadAsync(HttpResponseMessage response) =>
            new(response.StatusCode, await response.Content.ReadAsStringAsync(), response.Headers, response.Content.Headers.ContentType?.ToString());
    }
}
