using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DaiChain.Node.Rpc;

/// <summary>A method without parameters whose result is serialized through its <see cref="JsonTypeInfo{T}"/>.</summary>
internal sealed class TypedRpcMethod<TResult> : RpcMethod
{
    private readonly JsonTypeInfo<TResult> _resultType;
    private readonly Func<RpcContext, ValueTask<TResult>> _handler;

    public TypedRpcMethod(RpcMethodBuilder.Declaration declaration, JsonTypeInfo<TResult> resultType, Func<RpcContext, ValueTask<TResult>> handler)
        : base(declaration)
    {
        _resultType = resultType;
        _handler = handler;
    }

    private protected override async ValueTask<RpcResultWriter> InvokeBoundAsync(JsonElement parameters, RpcContext context)
    {
        var result = await _handler(context).ConfigureAwait(false);
        return writer => JsonSerializer.Serialize(writer, result, _resultType);
    }
}
