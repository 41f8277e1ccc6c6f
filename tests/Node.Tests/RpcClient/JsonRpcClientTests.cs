using System.Text.Json.Nodes;
using DaiChain.Node.RpcClient;
using DaiChain.Node.Tests.Rpc;

namespace DaiChain.Node.Tests.RpcClient;

public class JsonRpcClientTests
{
    [Fact]
    public async Task Returns_the_result_of_a_call()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var client = new JsonRpcClient(server.Server.HttpUrl);

        var result = await client.CallAsync("test_add", new JsonObject { ["a"] = 40, ["b"] = 2 });

        Assert.Equal(42, result!.GetValue<long>());
    }

    [Fact]
    public async Task Surfaces_the_nodes_error_code_reason_and_sentence()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var client = new JsonRpcClient(server.Server.HttpUrl);

        var error = await Assert.ThrowsAsync<JsonRpcCallException>(() => client.CallAsync("test_lookup"));

        Assert.Equal(SampleMethods.DomainNotFound, error.Code);
        Assert.Equal("not_found", error.Reason);
        Assert.Equal("no block at height 99; the head is 12", error.Message);
    }

    [Fact]
    public async Task Surfaces_invalid_params_with_the_param_name()
    {
        await using var server = await RpcTestServer.StartAsync();
        using var client = new JsonRpcClient(server.Server.HttpUrl);

        var error = await Assert.ThrowsAsync<JsonRpcCallException>(() => client.CallAsync("test_add", new JsonObject { ["a"] = "x", ["b"] = 1 }));

        Assert.Equal("invalid_params", error.Reason);
        Assert.Contains("a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_the_url_when_the_node_cannot_be_reached()
    {
        int port;
        await using (var server = await RpcTestServer.StartAsync())
        {
            port = server.Server.HttpUrl.Port;
        }

        using var client = new JsonRpcClient(new Uri($"http://127.0.0.1:{port}/"), TimeSpan.FromSeconds(5));
        var error = await Assert.ThrowsAsync<HttpRequestException>(() => client.CallAsync("test_add"));
        Assert.Contains($"127.0.0.1:{port}", error.Message, StringComparison.Ordinal);
    }
}
