using System.Text.Json.Nodes;
using DaiChain.Node.Rpc;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Tests.Rpc;

public sealed class RpcMethodBuilderTests
{
    [Theory]
    [InlineData("getBlock")]
    [InlineData("Chain_getBlock")]
    [InlineData("chain_get_block")]
    [InlineData("rpc.discover")]
    [InlineData("subscribe")]
    public void Requires_namespace_underscore_camel_case_names(string name)
    {
        Assert.Throws<ArgumentException>(() => RpcMethod.Read(name, "Summary."));
    }

    [Fact]
    public void Checks_that_declared_params_and_the_params_type_agree()
    {
        var missingProperty = Assert.Throws<ArgumentException>(() => RpcMethod.Read("test_x", "X.")
            .Param("message", RpcSchema.String(), "Message.")
            .Param("colour", RpcSchema.String(), "Not in the type.")
            .Handle(TestJson.Default.EchoParams, TestJson.Default.EchoResult, static (_, _) => ValueTask.FromResult(new EchoResult(string.Empty))));
        var undeclared = Assert.Throws<ArgumentException>(() => RpcMethod.Read("test_x", "X.")
            .Param("message", RpcSchema.String(), "Message.")
            .Handle(TestJson.Default.EchoParams, TestJson.Default.EchoResult, static (_, _) => ValueTask.FromResult(new EchoResult(string.Empty))));

        Assert.Contains("'colour' has no JSON property in EchoParams", missingProperty.Message, StringComparison.Ordinal);
        Assert.Contains("property 'repeat' of EchoParams is not a declared parameter", undeclared.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Requires_required_params_before_optional_ones()
    {
        var builder = RpcMethod.Read("test_x", "X.").OptionalParam("a", RpcSchema.Integer(), "A.");

        Assert.Throws<ArgumentException>(() => builder.Param("b", RpcSchema.Integer(), "B."));
    }

    [Fact]
    public void Refuses_duplicate_params_and_methods()
    {
        var registry = new RpcMethodRegistry();
        registry.Add(RpcMethod.Read("test_x", "X.").HandleJson(static (_, _) => ValueTask.FromResult<JsonNode?>(null)));

        Assert.Throws<ArgumentException>(() => RpcMethod.Read("test_y", "Y.").Param("a", RpcSchema.Integer(), "A.").Param("a", RpcSchema.Integer(), "A."));
        Assert.Throws<ArgumentException>(() => registry.Add(RpcMethod.Read("test_x", "Again.").HandleJson(static (_, _) => ValueTask.FromResult<JsonNode?>(null))));
    }

    [Fact]
    public void Keeps_its_own_copy_of_each_schema()
    {
        var schema = RpcSchema.Integer(0);
        var method = RpcMethod.Read("test_x", "X.").Param("a", schema, "A.").HandleJson(static (_, _) => ValueTask.FromResult<JsonNode?>(null));

        schema["minimum"] = 100;

        Assert.Equal(0, method.Params[0].Schema["minimum"]!.GetValue<long>());
    }
}
