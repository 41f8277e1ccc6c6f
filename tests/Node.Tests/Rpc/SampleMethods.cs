using System.Text.Json.Nodes;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Tests.Rpc;

/// <summary>The methods the RPC tests call; chain methods are registered by the node, not here.</summary>
public static class SampleMethods
{
    public const int DomainNotFound = -32020;

    public static RpcMethodRegistry Registry()
    {
        var registry = new RpcMethodRegistry();
        registry.Add(RpcMethod.Read("test_echo", "Echoes a message, optionally repeated.")
            .Param("message", RpcSchema.String(maxLength: 100), "What to echo.")
            .OptionalParam("repeat", RpcSchema.Integer(1, 10), "How many times.")
            .Handle(TestJson.Default.EchoParams, TestJson.Default.EchoResult, static (p, _) =>
                ValueTask.FromResult(new EchoResult(string.Concat(Enumerable.Repeat(p.Message, p.Repeat ?? 1))))));
        registry.Add(RpcMethod.Read("test_add", "Adds two integers.")
            .Param("a", RpcSchema.Integer(), "First addend.")
            .Param("b", RpcSchema.Integer(), "Second addend.")
            .Handle(TestJson.Default.AddParams, TestJson.Default.Int64, static (p, _) => ValueTask.FromResult(p.A + p.B)));
        registry.Add(RpcMethod.Read("test_getBlock", "Returns a fake block at a height.")
            .Param("height", RpcSchema.NonNegativeInteger(), "Block height.")
            .Returns("block", new JsonObject { ["type"] = "object" })
            .HandleJson(static (p, _) => ValueTask.FromResult<JsonNode?>(new JsonObject { ["height"] = p.GetProperty("height").GetInt64() })));
        registry.Add(RpcMethod.Read("test_fail", "Fails with an unexpected exception.")
            .Handle(TestJson.Default.String, static _ => throw new InvalidOperationException("secret internal detail")));
        registry.Add(RpcMethod.Read("test_slow", "Never finishes on its own.")
            .Handle(TestJson.Default.String, static async context =>
            {
                await Task.Delay(Timeout.Infinite, context.CancellationToken);
                return "unreachable";
            }));
        registry.Add(RpcMethod.Read("test_big", "Returns a string of the given size.")
            .Param("size", RpcSchema.Integer(0, 10_000_000), "Characters.")
            .Handle(TestJson.Default.SizeParams, TestJson.Default.String, static (p, _) => ValueTask.FromResult(new string('x', p.Size))));
        registry.Add(RpcMethod.Write("test_submit", "Pretends to submit a transaction.")
            .Param("tx", RpcSchema.HexData(1024), "Signed transaction.")
            .Handle(TestJson.Default.SubmitParams, TestJson.Default.String, static (p, _) => ValueTask.FromResult("0x" + new string('a', 64))));
        registry.Add(RpcMethod.Read("test_lookup", "Fails with a domain error.")
            .Error(DomainNotFound, "not_found", "Nothing at that key.")
            .Handle(TestJson.Default.String, static _ => throw new RpcException(DomainNotFound, "not_found", "no block at height 99; the head is 12")));
        return registry;
    }
}
