using System.Text.Json;
using System.Text.Json.Nodes;

namespace DaiChain.Node.Rpc;

/// <summary>
/// A JSON-RPC method: its description (name, summary, parameters with schemas, result schema, access) and
/// its handler. Built with <see cref="Read"/> or <see cref="Write"/> and one of the builder's <c>Handle</c>
/// overloads, then added to an <see cref="RpcMethodRegistry"/>.
/// </summary>
/// <remarks>
/// Dispatch is a dictionary lookup and a delegate call; parameters are validated against the declared
/// schemas before the handler runs, and typed parameters and results go through the
/// <see cref="System.Text.Json.Serialization.Metadata.JsonTypeInfo{T}"/> the method was given (source-generated
/// in practice), so nothing is discovered by reflection at run time.
/// </remarks>
public abstract class RpcMethod
{
    private readonly ParamsBinder _binder;
    private readonly JsonObject _resultSchema;

    private protected RpcMethod(RpcMethodBuilder.Declaration declaration)
    {
        Name = declaration.Name;
        Summary = declaration.Summary;
        Description = declaration.Description;
        Access = declaration.Access;
        Params = declaration.Params;
        ResultName = declaration.ResultName;
        ResultSummary = declaration.ResultSummary;
        _resultSchema = declaration.ResultSchema;
        Errors = declaration.Errors;
        WebSocketOnly = declaration.WebSocketOnly;
        _binder = new ParamsBinder(Params);
    }

    public string Name { get; }

    public string Summary { get; }

    public string? Description { get; }

    public RpcAccess Access { get; }

    /// <summary>Declared parameters, required ones first, in by-position order.</summary>
    public IReadOnlyList<RpcParam> Params { get; }

    public string ResultName { get; }

    public string? ResultSummary { get; }

    /// <summary>A copy of the result's JSON Schema.</summary>
    public JsonObject ResultSchema => (JsonObject)_resultSchema.DeepClone();

    /// <summary>Errors specific to this method, listed in the OpenRPC document.</summary>
    public IReadOnlyList<RpcError> Errors { get; }

    /// <summary>True for methods that need a connection (subscriptions).</summary>
    internal bool WebSocketOnly { get; }

    /// <summary>Starts declaring a method that only reads state.</summary>
    public static RpcMethodBuilder Read(string name, string summary) => new(name, summary, RpcAccess.Read);

    /// <summary>Starts declaring a method that submits something; read-only nodes refuse it.</summary>
    public static RpcMethodBuilder Write(string name, string summary) => new(name, summary, RpcAccess.Write);

    /// <summary>Validates and binds <paramref name="parameters"/>, runs the handler and returns how to write its result.</summary>
    /// <exception cref="RpcException">Invalid parameters, or whatever the handler chose to report.</exception>
    internal async ValueTask<RpcResultWriter> InvokeAsync(JsonElement parameters, RpcContext context)
    {
        var bound = _binder.Bind(parameters, out var owned);
        using (owned)
        {
            return await InvokeBoundAsync(bound, context).ConfigureAwait(false);
        }
    }

    /// <summary>Runs the handler on parameters already validated and presented as an object.</summary>
    private protected abstract ValueTask<RpcResultWriter> InvokeBoundAsync(JsonElement parameters, RpcContext context);
}
