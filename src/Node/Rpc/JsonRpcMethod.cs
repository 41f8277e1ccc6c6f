using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>A method that takes its parameters as a JSON object and returns a JSON node.</summary>
internal sealed class JsonRpcMethod : RpcMethod
{
    private readonly Func<JsonElement, RpcContext, ValueTask<JsonNode?>> _handler;

    public JsonRpcMethod(RpcMethodBuilder.Declaration declaration, Func<JsonElement, RpcContext, ValueTask<JsonNode?>> handler)
        : base(declaration)
    {
        _handler = handler;
    }

    private protected override async ValueTask<RpcResultWriter> InvokeBoundAsync(JsonElement parameters, RpcContext context)
    {
        var result = await _handler(parameters, context).ConfigureAwait(false);
        return writer =>
        {
            if (result is null)
            {
                writer.WriteNullValue();
            }
            else
            {
                result.WriteTo(writer);
            }
        };
    }
}
