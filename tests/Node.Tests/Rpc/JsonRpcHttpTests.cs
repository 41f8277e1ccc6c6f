using System.Net;
using System.Text;
using System.Text.Json;

namespace DaiChain.Node.Tests.Rpc;

public sealed class JsonRpcHttpTests : IAsyncLifetime
{
    private RpcTestServer _rpc = null!;

    public async Task InitializeAsync() =>
        _rpc = await RpcTestServer.StartAsync(o => new()
        {
            Port = 0,
            MaxBodyBytes = 4096,
            MaxBatchSize = 5,
            MaxJsonDepth = 8,
            MaxResponseBytes = 2048,
            MethodTimeout = TimeSpan.FromMilliseconds(200),
            RequestsPerSecondPerClient = 0,
        });

    public async Task DisposeAsync() => await _rpc.DisposeAsync();

    [Fact]
    public async Task Answers_a_single_request_by_name()
    {
        var reply = await _rpc.PostAsync("""{"jsonrpc":"2.0","id":7,"method":"test_echo","params":{"message":"hi","repeat":3}}""");

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.StartsWith("application/json", reply.ContentType);
        Assert.Equal("2.0", reply.Json.GetProperty("jsonrpc").GetString());
        Assert.Equal(7, reply.Json.GetProperty("id").GetInt32());
        Assert.Equal("hihihi", reply.Json.GetProperty("result").GetProperty("echo").GetString());
        Assert.False(reply.Json.TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Answers_a_request_by_position_and_echoes_a_string_id()
    {
        var reply = await _rpc.PostAsync("""{"jsonrpc":"2.0","id":"abc","method":"test_add","params":[40,2]}""");

        Assert.Equal("abc", reply.Json.GetProperty("id").GetString());
        Assert.Equal(42, reply.Json.GetProperty("result").GetInt64());
    }

    [Fact]
    public async Task Answers_a_batch_in_order_and_leaves_out_notifications()
    {
        var reply = await _rpc.PostAsync("""
            [
              {"jsonrpc":"2.0","id":1,"method":"test_add","params":{"a":1,"b":2}},
              {"jsonrpc":"2.0","method":"test_add","params":{"a":5,"b":5}},
              {"jsonrpc":"2.0","id":2,"method":"nope_nothing"},
              {"foo":"boo"},
              {"jsonrpc":"2.0","id":3,"method":"test_echo","params":{"message":"x"}}
            ]
            """);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        var responses = reply.Json.EnumerateArray().ToList();
        Assert.Equal(4, responses.Count);
        Assert.Equal(3, responses[0].GetProperty("result").GetInt64());
        Assert.Equal(-32601, responses[1].GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(2, responses[1].GetProperty("id").GetInt32());
        Assert.Equal(JsonValueKind.Null, responses[2].GetProperty("id").ValueKind);
        Assert.Equal("invalid_request", Reason(responses[2]));
        Assert.Equal("x", responses[3].GetProperty("result").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Sends_nothing_for_a_notification_or_a_batch_of_them()
    {
        var single = await _rpc.PostAsync("""{"jsonrpc":"2.0","method":"test_add","params":[1,1]}""");
        var batch = await _rpc.PostAsync("""[{"jsonrpc":"2.0","method":"test_add","params":[1,1]},{"jsonrpc":"2.0","method":"test_fail"}]""");

        Assert.Equal(HttpStatusCode.NoContent, single.Status);
        Assert.Equal(string.Empty, single.Body);
        Assert.Equal(HttpStatusCode.NoContent, batch.Status);
        Assert.Equal(string.Empty, batch.Body);
    }

    [Fact]
    public async Task Answers_null_id_requests_because_only_a_missing_id_makes_a_notification()
    {
        var reply = await _rpc.PostAsync("""{"jsonrpc":"2.0","id":null,"method":"test_add","params":[1,1]}""");

        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("id").ValueKind);
        Assert.Equal(2, reply.Json.GetProperty("result").GetInt64());
    }

    [Theory]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":")]
    [InlineData("not json at all")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"test_add\",\"method\":\"test_fail\"}")]
    [InlineData("{\"a\":1} {\"b\":2}")]
    [InlineData("")]
    public async Task Reports_malformed_json_as_a_parse_error_with_a_null_id(string body)
    {
        var reply = await _rpc.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, reply.Status);
        Assert.Equal(JsonValueKind.Null, reply.Json.GetProperty("id").ValueKind);
        Assert.Equal(-32700, Code(reply.Json));
        Assert.Equal("parse_error", Reason(reply.Json));
    }

    [Theory]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"test_add"}""", "jsonrpc must be the string \"2.0\"")]
    [InlineData("""{"jsonrpc":2.0,"id":1,"method":"test_add"}""", "jsonrpc must be the string \"2.0\"")]
    [InlineData("""{"id":1,"method":"test_add"}""", "jsonrpc must be the string \"2.0\"")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":5}""", "method must be a string")]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":"1,2"}""", "params must be an object")]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"test_add"}""", "id must be a string, a number or null")]
    [InlineData("[]", "the batch is empty")]
    [InlineData("42", "a request must be a JSON object")]
    public async Task Reports_an_invalid_envelope_as_an_invalid_request(string body, string expected)
    {
        var reply = await _rpc.PostAsync(body);

        Assert.Equal(-32600, Code(reply.Json));
        Assert.Equal("invalid_request", Reason(reply.Json));
        Assert.Contains(expected, Message(reply.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Keeps_the_id_of_a_request_with_the_wrong_version()
    {
        var reply = await _rpc.PostAsync("""{"jsonrpc":"1.0","id":99,"method":"test_add"}""");

        Assert.Equal(99, reply.Json.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Suggests_the_nearest_method_name_for_an_unknown_method()
    {
        var misspelt = await _rpc.CallAsync("test_getblock", """{"height":1}""");
        var unqualified = await _rpc.CallAsync("echo", "{}");
        var unrelated = await _rpc.CallAsync("zzzz_qqqqqq", "{}");

        Assert.Equal(-32601, Code(misspelt));
        Assert.Equal("test_getBlock", misspelt.GetProperty("error").GetProperty("data").GetProperty("suggestion").GetString());
        Assert.Contains("did you mean \"test_getBlock\"?", Message(misspelt), StringComparison.Ordinal);
        Assert.Equal("test_echo", unqualified.GetProperty("error").GetProperty("data").GetProperty("suggestion").GetString());
        Assert.False(unrelated.GetProperty("error").GetProperty("data").TryGetProperty("suggestion", out _));
        Assert.Contains("rpc.discover lists every method", Message(unrelated), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("test_getBlock", """{"height":-1}""", "height", "params.height: expected a non-negative integer, got -1")]
    [InlineData("test_getBlock", """{"height":"ten"}""", "height", "params.height: expected a non-negative integer, got \"ten\"")]
    [InlineData("test_getBlock", """{"height":1.5}""", "height", "params.height: expected a non-negative integer, got 1.5")]
    [InlineData("test_getBlock", "{}", "height", "params.height: missing required parameter")]
    [InlineData("test_getBlock", """{"hieght":3}""", "hieght", "params.hieght: unknown parameter; did you mean \"height\"?")]
    [InlineData("test_getBlock", "[1,2]", null, "params: expected at most 1 positional parameters (height), got 2")]
    [InlineData("test_echo", """{"message":"x","repeat":11}""", "repeat", "params.repeat: expected an integer from 1 to 10, got 11")]
    [InlineData("test_submit", """{"tx":"0xabc"}""", "tx", "params.tx: expected a string")]
    public async Task Names_the_parameter_in_an_invalid_params_error(string method, string parameters, string? param, string expected)
    {
        var reply = await _rpc.CallAsync(method, parameters);

        Assert.Equal(-32602, Code(reply));
        Assert.Equal("invalid_params", Reason(reply));
        Assert.StartsWith(expected, Message(reply), StringComparison.Ordinal);
        var data = reply.GetProperty("error").GetProperty("data");
        if (param is null)
        {
            Assert.False(data.TryGetProperty("param", out _));
        }
        else
        {
            Assert.Equal(param, data.GetProperty("param").GetString());
        }
    }

    [Fact]
    public async Task Treats_null_for_an_optional_parameter_as_left_out()
    {
        var byName = await _rpc.CallAsync("test_echo", """{"message":"a","repeat":null}""");
        var byPosition = await _rpc.CallAsync("test_echo", """["a",null]""");

        Assert.Equal("a", byName.GetProperty("result").GetProperty("echo").GetString());
        Assert.Equal("a", byPosition.GetProperty("result").GetProperty("echo").GetString());
    }

    [Fact]
    public async Task Refuses_a_body_over_the_limit_with_413()
    {
        var body = $$$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":{"message":"{{{new string('x', 5000)}}}"}}""";

        var reply = await _rpc.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal(-32002, Code(reply.Json));
        Assert.Equal("body_too_large", Reason(reply.Json));
        Assert.Contains("4096 bytes", Message(reply.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_a_chunked_body_over_the_limit()
    {
        using var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(new string(' ', 5000) + "{}")));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _rpc.Http.SendAsync(request);
        var reply = await RpcTestServer.Reply.ReadAsync(response);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reply.Status);
        Assert.Equal("body_too_large", Reason(reply.Json));
    }

    [Fact]
    public async Task Refuses_a_batch_over_the_limit()
    {
        var batch = "[" + string.Join(",", Enumerable.Range(1, 6).Select(i => $$"""{"jsonrpc":"2.0","id":{{i}},"method":"test_add","params":[1,1]}""")) + "]";

        var reply = await _rpc.PostAsync(batch);

        Assert.Equal(-32003, Code(reply.Json));
        Assert.Equal("batch_too_large", Reason(reply.Json));
        Assert.Equal(5, reply.Json.GetProperty("error").GetProperty("data").GetProperty("limit").GetInt32());
        Assert.Contains("split it into smaller batches", Message(reply.Json), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_json_nested_past_the_depth_limit()
    {
        var deep = new string('[', 8) + new string(']', 8);
        var withinLimit = new string('[', 5) + new string(']', 5);

        var tooDeep = await _rpc.PostAsync($$"""{"jsonrpc":"2.0","id":1,"method":"test_echo","params":{{deep}}}""");
        var fine = await _rpc.PostAsync($$$"""{"jsonrpc":"2.0","id":1,"method":"test_getBlock","params":{"height":{{{withinLimit}}}}}""");

        Assert.Equal(-32004, Code(tooDeep.Json));
        Assert.Equal("json_too_deep", Reason(tooDeep.Json));
        Assert.Equal("invalid_params", Reason(fine.Json));
    }

    [Fact]
    public async Task Replaces_a_result_over_the_response_limit_with_an_error()
    {
        var small = await _rpc.CallAsync("test_big", """{"size":100}""");
        var big = await _rpc.CallAsync("test_big", """{"size":5000}""");

        Assert.Equal(100, small.GetProperty("result").GetString()!.Length);
        Assert.Equal(-32005, Code(big));
        Assert.Equal("response_too_large", Reason(big));
        Assert.Equal(1, big.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Caps_a_whole_batch_at_the_response_limit()
    {
        var batch = """[{"jsonrpc":"2.0","id":1,"method":"test_big","params":[1500]},{"jsonrpc":"2.0","id":2,"method":"test_big","params":[1500]}]""";

        var reply = await _rpc.PostAsync(batch);

        var responses = reply.Json.EnumerateArray().ToList();
        Assert.Equal(1500, responses[0].GetProperty("result").GetString()!.Length);
        Assert.Equal("response_too_large", Reason(responses[1]));
    }

    [Fact]
    public async Task Hides_handler_exceptions_behind_a_correlation_id()
    {
        var reply = await _rpc.CallAsync("test_fail");

        Assert.Equal(-32603, Code(reply));
        Assert.Equal("internal_error", Reason(reply));
        var correlationId = reply.GetProperty("error").GetProperty("data").GetProperty("correlationId").GetString();
        Assert.False(string.IsNullOrEmpty(correlationId));
        Assert.Contains(correlationId, Message(reply), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", reply.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", reply.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Passes_a_handler_s_own_error_code_through()
    {
        var reply = await _rpc.CallAsync("test_lookup");

        Assert.Equal(SampleMethods.DomainNotFound, Code(reply));
        Assert.Equal("not_found", Reason(reply));
        Assert.Equal("no block at height 99; the head is 12", Message(reply));
    }

    [Fact]
    public async Task Cancels_a_method_that_runs_past_the_timeout()
    {
        var reply = await _rpc.CallAsync("test_slow");

        Assert.Equal(-32007, Code(reply));
        Assert.Equal("timeout", Reason(reply));
    }

    [Fact]
    public async Task Says_subscriptions_need_a_websocket()
    {
        var reply = await _rpc.CallAsync("subscribe", """{"topic":"newBlocks"}""");

        Assert.Equal(-32009, Code(reply));
        Assert.Contains("/ws", Message(reply), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requires_post_and_json_content()
    {
        using var get = await _rpc.Http.GetAsync("/");
        var wrongType = await _rpc.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]}""", "text/plain");
        var withCharset = await _rpc.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]}""", "application/json; charset=utf-8");
        var rpcPath = await PostToAsync("/rpc", """{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]}""");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongType.Status);
        Assert.Contains("Content-Type must be application/json", Message(wrongType.Json), StringComparison.Ordinal);
        Assert.Equal(2, withCharset.Json.GetProperty("result").GetInt64());
        Assert.Equal(2, rpcPath.Json.GetProperty("result").GetInt64());
    }

    [Fact]
    public async Task Refuses_browser_origins_that_are_not_allowed()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/")
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"test_add","params":[1,1]}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await _rpc.Http.SendAsync(request);
        var reply = await RpcTestServer.Reply.ReadAsync(response);

        Assert.Equal(HttpStatusCode.Forbidden, reply.Status);
        Assert.Equal("origin_not_allowed", Reason(reply.Json));
    }

    internal static int Code(JsonElement response) => response.GetProperty("error").GetProperty("code").GetInt32();

    internal static string Reason(JsonElement response) => response.GetProperty("error").GetProperty("data").GetProperty("reason").GetString()!;

    internal static string Message(JsonElement response) => response.GetProperty("error").GetProperty("message").GetString()!;

    private async Task<RpcTestServer.Reply> PostToAsync(string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await _rpc.Http.PostAsync(path, content);
        return await RpcTestServer.Reply.ReadAsync(response);
    }
}
