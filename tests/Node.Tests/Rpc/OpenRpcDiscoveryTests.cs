using System.Text.Json;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Tests.Rpc;

public sealed class OpenRpcDiscoveryTests : IAsyncLifetime
{
    private RpcTestServer _rpc = null!;

    public async Task InitializeAsync() => _rpc = await RpcTestServer.StartAsync();

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Returns_an_openrpc_1_2_document_with_the_required_members()
    {
        var document = (await _rpc.CallAsync("rpc.discover")).GetProperty("result");

        Assert.Equal("1.2.6", document.GetProperty("openrpc").GetString());
        Assert.Equal("DaiChain JSON-RPC", document.GetProperty("info").GetProperty("title").GetString());
        Assert.False(string.IsNullOrEmpty(document.GetProperty("info").GetProperty("version").GetString()));
        var names = document.GetProperty("methods").EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToList();
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal(names.Distinct().Count(), names.Count);
        Assert.Contains("rpc.discover", names);
        Assert.Contains("subscribe", names);
        Assert.Contains("test_echo", names);
        foreach (var method in document.GetProperty("methods").EnumerateArray())
        {
            // OpenRPC 1.2: name, params and result are required; every content descriptor has a name and a schema.
            Assert.Equal(JsonValueKind.Array, method.GetProperty("params").ValueKind);
            Assert.False(string.IsNullOrEmpty(method.GetProperty("result").GetProperty("name").GetString()));
            Assert.Equal(JsonValueKind.Object, method.GetProperty("result").GetProperty("schema").ValueKind);
            Assert.Equal("either", method.GetProperty("paramStructure").GetString());
            Assert.All(method.GetProperty("params").EnumerateArray(), p =>
            {
                Assert.False(string.IsNullOrEmpty(p.GetProperty("name").GetString()));
                Assert.Equal(JsonValueKind.Object, p.GetProperty("schema").ValueKind);
            });
        }
    }

    [Fact]
    public async Task Lists_each_method_with_its_params_schemas_and_access()
    {
        var document = (await _rpc.CallAsync("rpc.discover")).GetProperty("result");
        var echo = Method(document, "test_echo");

        var parameters = echo.GetProperty("params").EnumerateArray().ToList();
        Assert.Equal("Echoes a message, optionally repeated.", echo.GetProperty("summary").GetString());
        Assert.Equal(["message", "repeat"], parameters.Select(p => p.GetProperty("name").GetString()));
        Assert.True(parameters[0].GetProperty("required").GetBoolean());
        Assert.False(parameters[1].GetProperty("required").GetBoolean());
        Assert.Equal(100, parameters[0].GetProperty("schema").GetProperty("maxLength").GetInt32());
        Assert.Equal(10, parameters[1].GetProperty("schema").GetProperty("maximum").GetInt32());
        Assert.Equal("read", echo.GetProperty("x-access").GetString());
        // A typed method's result schema is derived from its result type.
        Assert.Equal("string", echo.GetProperty("result").GetProperty("schema").GetProperty("properties").GetProperty("echo").GetProperty("type").GetString());
        Assert.Equal("websocket", Method(document, "subscribe").GetProperty("x-transport").GetString());
        Assert.Contains(
            Method(document, "subscribe").GetProperty("params")[0].GetProperty("schema").GetProperty("enum").EnumerateArray(),
            t => t.GetString() == "accountTransactions");
        Assert.Contains(Method(document, "test_lookup").GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetInt32() == SampleMethods.DomainNotFound);
    }

    [Fact]
    public async Task Includes_methods_registered_after_the_server_started()
    {
        var methods = SampleMethods.Registry();
        await using var rpc = await RpcTestServer.StartAsync(methods: methods);
        var before = (await rpc.CallAsync("rpc.discover")).GetProperty("result");

        methods.Add(RpcMethod.Read("late_method", "Registered late.").Handle(TestJson.Default.String, static _ => ValueTask.FromResult("late")));
        var after = (await rpc.CallAsync("rpc.discover")).GetProperty("result");
        var called = await rpc.CallAsync("late_method");

        Assert.DoesNotContain(before.GetProperty("methods").EnumerateArray(), m => m.GetProperty("name").GetString() == "late_method");
        Assert.Contains(after.GetProperty("methods").EnumerateArray(), m => m.GetProperty("name").GetString() == "late_method");
        Assert.Equal("late", called.GetProperty("result").GetString());
    }

    [Fact]
    public async Task Publishes_the_schema_that_the_server_enforces()
    {
        var document = (await _rpc.CallAsync("rpc.discover")).GetProperty("result");
        var schema = Method(document, "test_getBlock").GetProperty("params")[0].GetProperty("schema");

        var compiled = CompiledSchema.Compile(System.Text.Json.Nodes.JsonNode.Parse(schema.GetRawText()), "height");

        Assert.Null(compiled.Validate(JsonDocument.Parse("3").RootElement, "params.height"));
        Assert.NotNull(compiled.Validate(JsonDocument.Parse("-3").RootElement, "params.height"));
    }

    private static JsonElement Method(JsonElement document, string name) =>
        document.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == name);
}
