using System.Text.Json;

namespace DaiChain.Node.Tests.Rpc;

public sealed class ReadOnlyModeTests : IAsyncLifetime
{
    private RpcTestServer _audit = null!;

    public async Task InitializeAsync() => _audit = await RpcTestServer.StartAsync(o => new() { Port = 0, ReadOnly = true });

    public async Task DisposeAsync() => await _audit.DisposeAsync();

    [Fact]
    public async Task Refuses_write_methods_with_a_stable_code_and_a_clear_message()
    {
        var reply = await _audit.CallAsync("test_submit", """{"tx":"0x00"}""");

        Assert.Equal(-32000, JsonRpcHttpTests.Code(reply));
        Assert.Equal("read_only", JsonRpcHttpTests.Reason(reply));
        Assert.Equal("this is a read-only audit node; send transactions to a validator or full node", JsonRpcHttpTests.Message(reply));
        Assert.Equal("test_submit", reply.GetProperty("error").GetProperty("data").GetProperty("method").GetString());
    }

    [Fact]
    public async Task Refuses_writes_before_looking_at_their_parameters()
    {
        var reply = await _audit.CallAsync("test_submit", """{"nonsense":true}""");

        Assert.Equal("read_only", JsonRpcHttpTests.Reason(reply));
    }

    [Fact]
    public async Task Still_serves_read_methods_in_a_batch_with_a_refused_write()
    {
        var reply = await _audit.PostAsync("""[{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,2]},{"jsonrpc":"2.0","id":2,"method":"test_submit","params":["0x00"]}]""");

        var responses = reply.Json.EnumerateArray().ToList();
        Assert.Equal(3, responses[0].GetProperty("result").GetInt64());
        Assert.Equal("read_only", JsonRpcHttpTests.Reason(responses[1]));
    }

    [Fact]
    public async Task Says_so_in_the_discovery_document()
    {
        var document = (await _audit.CallAsync("rpc.discover")).GetProperty("result");

        Assert.Contains("read-only audit node", document.GetProperty("info").GetProperty("description").GetString(), StringComparison.Ordinal);
        var submit = document.GetProperty("methods").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "test_submit");
        Assert.Equal("write", submit.GetProperty("x-access").GetString());
        Assert.Contains(submit.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetInt32() == -32000);
        Assert.Equal(JsonValueKind.Object, document.GetProperty("components").GetProperty("errors").GetProperty("read_only").ValueKind);
    }
}
