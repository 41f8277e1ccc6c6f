using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DaiChain.Node.Rpc;

/// <summary>A method whose parameters and result are CLR types serialized through their <see cref="JsonTypeInfo{T}"/>.</summary>
internal sealed class TypedRpcMethod<TParams, TResult> : RpcMethod
{
    private readonly JsonTypeInfo<TParams> _paramsType;
    private readonly JsonTypeInfo<TResult> _resultType;
    private readonly Func<TParams, RpcContext, ValueTask<TResult>> _handler;

    public TypedRpcMethod(RpcMethodBuilder.Declaration declaration, JsonTypeInfo<TParams> paramsType, JsonTypeInfo<TResult> resultType, Func<TParams, RpcContext, ValueTask<TResult>> handler)
        : base(declaration)
    {
        _paramsType = paramsType;
        _resultType = resultType;
        _handler = handler;
    }

    private protected override async ValueTask<RpcResultWriter> InvokeBoundAsync(JsonElement parameters, RpcContext context)
    {
        TParams? bound;
        try
        {
            bound = parameters.Deserialize(_paramsType);
        }
        catch (JsonException e)
        {
            // The schema accepted the value but the CLR type cannot hold it (a number beyond its range).
            var param = e.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
            var declared = Params.FirstOrDefault(p => p.Name == param);
            var what = declared is null ? "a value the method accepts" : declared.Compiled.Describe();
            throw RpcException.InvalidParams(param ?? "?", $"could not be read as {what}");
        }

        if (bound is null)
        {
            throw RpcException.InvalidParams("?", "could not be read");
        }

        var result = await _handler(bound, context).ConfigureAwait(false);
        return writer => JsonSerializer.Serialize(writer, result, _resultType);
    }
}
