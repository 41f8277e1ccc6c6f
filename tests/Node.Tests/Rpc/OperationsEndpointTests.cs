using System.Net;
using System.Text.Json;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Health;
using DaiChain.Node.Rpc.Subscriptions;
using DaiChain.Node.Tests.Metrics;
using Microsoft.AspNetCore.Http;

namespace DaiChain.Node.Tests.Rpc;

public sealed class OperationsEndpointTests
{
    [Fact]
    public async Task Health_is_ok_by_default()
    {
        await using var rpc = await RpcTestServer.StartAsync();

        using var response = await rpc.Http.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
    }

    [Theory]
    [InlineData(HealthStatus.Degraded, HttpStatusCode.OK, "degraded")]
    [InlineData(HealthStatus.Unhealthy, HttpStatusCode.ServiceUnavailable, "unhealthy")]
    public async Task Health_reports_what_the_node_says(HealthStatus status, HttpStatusCode expected, string text)
    {
        var probe = new FixedProbe(new HealthReport(status, "catching up", new Dictionary<string, string> { ["height"] = "12" }));
        await using var rpc = await RpcTestServer.StartAsync(health: probe);

        using var response = await rpc.Http.GetAsync("/health");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(text, body.GetProperty("status").GetString());
        Assert.Equal("catching up", body.GetProperty("message").GetString());
        Assert.Equal("12", body.GetProperty("facts").GetProperty("height").GetString());
    }

    [Fact]
    public async Task Metrics_expose_rpc_counters_in_the_prometheus_text_format()
    {
        await using var rpc = await RpcTestServer.StartAsync();
        await rpc.CallAsync("test_add", "[1,2]");
        await rpc.CallAsync("test_add", """{"a":"x","b":1}""");
        await rpc.CallAsync("no_such", "[]");

        using var response = await rpc.Http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();
        var samples = ExpositionParser.Parse(text);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal(1, samples[("daichain_rpc_requests_total", "method=\"test_add\",outcome=\"ok\"")]);
        Assert.Equal(1, samples[("daichain_rpc_requests_total", "method=\"test_add\",outcome=\"invalid_params\"")]);
        Assert.Equal(1, samples[("daichain_rpc_requests_total", "method=\"unknown\",outcome=\"method_not_found\"")]);
        Assert.Equal(2, samples[("daichain_rpc_request_duration_seconds_count", "method=\"test_add\"")]);
        Assert.Equal(2, samples[("daichain_rpc_request_duration_seconds_bucket", "method=\"test_add\",le=\"+Inf\"")]);
        Assert.Equal(0, samples[("daichain_rpc_subscriptions", string.Empty)]);
    }

    [Fact]
    public async Task Serves_extra_routes_on_the_same_host()
    {
        var route = new HttpRoute("PUT", "/artifacts/", static async http =>
        {
            http.Response.StatusCode = StatusCodes.Status201Created;
            await http.Response.WriteAsync("stored " + http.Request.Path.Value);
        });
        await using var rpc = await RpcTestServer.StartAsync(routes: [route]);

        using var put = await rpc.Http.PutAsync("/artifacts/abc", new ByteArrayContent([1, 2, 3]));
        using var get = await rpc.Http.GetAsync("/artifacts/abc");

        Assert.Equal(HttpStatusCode.Created, put.StatusCode);
        Assert.Equal("stored /artifacts/abc", await put.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Throws<ArgumentException>(() => new RpcServer(
            new(), new(), new(RpcTopics.All, new()), new(), Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance, TimeProvider.System, routes: [route with { PathPrefix = "/metrics" }]));
    }

    [Fact]
    public async Task Unknown_paths_are_404()
    {
        await using var rpc = await RpcTestServer.StartAsync();

        using var response = await rpc.Http.GetAsync("/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Says_which_address_is_taken_when_the_port_is_in_use()
    {
        await using var first = await RpcTestServer.StartAsync();

        var error = await Assert.ThrowsAsync<IOException>(() => RpcTestServer.StartAsync(o => new() { Port = first.Server.LocalEndPoint!.Port }));

        Assert.Contains($"127.0.0.1:{first.Server.LocalEndPoint!.Port}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Binds_to_loopback_by_default()
    {
        await using var rpc = await RpcTestServer.StartAsync();

        Assert.Equal(IPAddress.Loopback, rpc.Server.LocalEndPoint!.Address);
        Assert.NotEqual(0, rpc.Server.LocalEndPoint.Port);
    }

    private sealed class FixedProbe(HealthReport report) : IHealthProbe
    {
        public ValueTask<HealthReport> CheckAsync(CancellationToken cancellationToken) => ValueTask.FromResult(report);
    }
}
