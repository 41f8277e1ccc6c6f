using System.Text.Json;
using System.Text.Json.Nodes;
using DaiChain.Node.Rpc.Schema;

namespace DaiChain.Node.Tests.Rpc;

public sealed class CompiledSchemaTests
{
    [Theory]
    [InlineData("""{"$ref":"#/components/schemas/Block"}""", "$ref")]
    [InlineData("""{"type":"integer","multipleOf":2}""", "multipleOf")]
    [InlineData("""{"allOf":[{"type":"string"}]}""", "allOf")]
    [InlineData("""{"type":"int"}""", "unknown JSON Schema type 'int'")]
    [InlineData("""{"type":"string","pattern":"(a)\\1"}""", "non-backtracking")]
    [InlineData("""{"properties":{"x":{"type":"string","if":{}}}}""", "params.p.x: schema keyword 'if'")]
    public void Refuses_schemas_it_would_not_enforce(string schema, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => CompiledSchema.Compile(JsonNode.Parse(schema), "params.p"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"integer","minimum":0}""", "7", null)]
    [InlineData("""{"type":"integer","minimum":0}""", "7.0", null)]
    [InlineData("""{"type":"integer","minimum":0}""", "-7", "p: expected a non-negative integer, got -7")]
    [InlineData("""{"type":"integer","minimum":1}""", "0", "p: expected a positive integer, got 0")]
    [InlineData("""{"type":"number","exclusiveMaximum":1}""", "1", "p: expected a number < 1, got 1")]
    [InlineData("""{"type":["string","null"]}""", "null", null)]
    [InlineData("""{"type":"string","minLength":2,"maxLength":3}""", "\"abcd\"", "p: expected a string of 2 to 3 characters, got a string of 4 characters")]
    [InlineData("""{"type":"string","maxLength":1}""", "\"é\"", null)]
    [InlineData("""{"enum":["a","b",3]}""", "3.0", null)]
    [InlineData("""{"enum":["a","b"]}""", "\"c\"", "p: expected one of \"a\", \"b\", got \"c\"")]
    [InlineData("""{"const":null}""", "null", null)]
    [InlineData("""{"type":"array","items":{"type":"boolean"},"maxItems":2}""", "[true,1]", "p[1]: expected true or false, got 1")]
    [InlineData("""{"type":"array","maxItems":2}""", "[1,2,3]", "p: expected at most 2 items, got 3")]
    [InlineData("""{"type":"object","properties":{"a":{"type":"string"}},"required":["a"],"additionalProperties":false}""", "{}", "p.a: missing required field")]
    [InlineData("""{"type":"object","properties":{"name":{"type":"string"}},"additionalProperties":false}""", """{"nmae":"x"}""", "p.nmae: unknown field; did you mean \"name\"? expected name")]
    [InlineData("""{"type":"object","additionalProperties":{"type":"integer"},"maxProperties":1}""", """{"a":1,"b":2}""", "p: expected at most 1 members, got 2")]
    [InlineData("""{"anyOf":[{"type":"integer","minimum":0},{"type":"string","pattern":"^0x[0-9a-f]{64}$"}]}""", "\"latest\"", "p: expected a non-negative integer or a string matching ^0x[0-9a-f]{64}$, got \"latest\"")]
    [InlineData("""{"oneOf":[{"type":"integer"},{"type":"number"}]}""", "1", "p: matches more than one allowed form")]
    [InlineData("""{"type":"string","title":"a block hash"}""", "1", "p: expected a block hash, got 1")]
    public void Validates_with_messages_that_name_the_path(string schema, string value, string? expected)
    {
        var compiled = CompiledSchema.Compile(JsonNode.Parse(schema), "p");

        var problem = compiled.Validate(JsonDocument.Parse(value).RootElement, "p");

        if (expected is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.NotNull(problem);
            Assert.StartsWith(expected, problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Builds_the_schemas_the_helpers_promise()
    {
        var hash = CompiledSchema.Compile(RpcSchema.Hash(), "hash");
        var data = CompiledSchema.Compile(RpcSchema.HexData(2), "data");

        Assert.Null(hash.Validate(JsonDocument.Parse($"\"0x{new string('A', 64)}\"").RootElement, "hash"));
        Assert.NotNull(hash.Validate(JsonDocument.Parse($"\"0x{new string('a', 63)}\"").RootElement, "hash"));
        Assert.Null(data.Validate(JsonDocument.Parse("\"0x0102\"").RootElement, "data"));
        Assert.NotNull(data.Validate(JsonDocument.Parse("\"0x010203\"").RootElement, "data"));
    }

    [Fact]
    public void Echoes_long_client_input_truncated()
    {
        var compiled = CompiledSchema.Compile(RpcSchema.Enum("a"), "p");

        var problem = compiled.Validate(JsonDocument.Parse($"\"{new string('z', 10_000)}\"").RootElement, "p");

        Assert.True(problem!.Length < 200, problem);
    }
}
